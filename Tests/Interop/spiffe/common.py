"""Helpers shared by the py-spiffe interop peers: JSON-line output and certificate facts."""

import json
import sys

from cryptography.hazmat.primitives.serialization import Encoding


def emit(kind, **fields):
    """Prints one JSON line the Swift test reads, and flushes at once."""
    print(json.dumps({"kind": kind, **fields}, sort_keys=True), flush=True)


def leaf_facts(svid):
    """The SPIFFE ID, serial and DER (hex) of an X509Svid's leaf, and its chain length."""
    leaf = svid.leaf
    return {
        "spiffe_id": str(svid.spiffe_id),
        "serial": format(leaf.serial_number, "x"),
        "leaf_der": leaf.public_bytes(Encoding.DER).hex(),
        "chain_length": len(svid.cert_chain),
    }


def fail(message):
    """Reports a failure as a JSON line and exits non-zero."""
    emit("failure", message=str(message))
    sys.exit(1)
