"""A process the Swift server has no entry for: fetching an SVID must fail with PermissionDenied.

Reads SPIFFE_ENDPOINT_SOCKET. Prints one `error` line with the exception type and message, or a failure.
"""

from spiffe import WorkloadApiClient

from common import emit, fail


def main():
    with WorkloadApiClient(default_timeout=10) as client:
        try:
            svid = client.fetch_x509_svid()
        except Exception as error:  # noqa: BLE001 - the error is what the Swift test checks
            emit("error", type=type(error).__name__, message=str(error))
            return
        fail(f"unexpectedly received an SVID for {svid.spiffe_id}")


if __name__ == "__main__":
    main()
