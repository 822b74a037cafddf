"""py-spiffe X509Source watching the Swift server: prints the initial SVID, then every SVID with a new serial.

Usage: rotation.py <number of rotations to wait for> <timeout seconds>. Reads SPIFFE_ENDPOINT_SOCKET.
Prints `initial`, then `rotated` lines; exits 0 after the requested number of rotations, 1 on timeout.
"""

import sys
import threading

from spiffe import X509Source

from common import emit, fail, leaf_facts


def main():
    wanted = int(sys.argv[1])
    timeout = float(sys.argv[2])
    source = X509Source(timeout_in_seconds=10)
    try:
        seen = [source.get_x509_context().default_svid.leaf.serial_number]
        emit("initial", **leaf_facts(source.get_x509_context().default_svid))
        done = threading.Event()
        lock = threading.Lock()

        def on_update():
            svid = source.get_x509_context().default_svid
            with lock:
                if svid.leaf.serial_number in seen:
                    return
                seen.append(svid.leaf.serial_number)
                emit("rotated", **leaf_facts(svid))
                if len(seen) > wanted:
                    done.set()

        source.subscribe_for_updates(on_update)
        if not done.wait(timeout):
            fail(f"saw {len(seen) - 1} of {wanted} rotations in {timeout} s")
    finally:
        source.close()


if __name__ == "__main__":
    try:
        main()
    except SystemExit:
        raise
    except Exception as error:  # noqa: BLE001 - every failure is reported to the Swift test
        fail(f"{type(error).__name__}: {error}")
