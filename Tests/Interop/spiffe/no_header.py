"""Raw grpcio calls without the `workload.spiffe.io` security header (py-spiffe always adds it).

Usage: no_header.py <socket path>. Prints one `status` line per RPC with the gRPC status code and details.
"""

import sys

import grpc
from spiffe._proto import workload_pb2, workload_pb2_grpc

from common import emit, fail


def main():
    with grpc.insecure_channel("unix:" + sys.argv[1]) as channel:
        stub = workload_pb2_grpc.SpiffeWorkloadAPIStub(channel)
        calls = {
            "FetchX509SVID": lambda: next(stub.FetchX509SVID(workload_pb2.X509SVIDRequest(), timeout=10)),
            "FetchJWTSVID": lambda: stub.FetchJWTSVID(workload_pb2.JWTSVIDRequest(audience=["a"]), timeout=10),
            "WithWrongValue": lambda: next(
                stub.FetchX509SVID(
                    workload_pb2.X509SVIDRequest(), metadata=[("workload.spiffe.io", "TRUE")], timeout=10
                )
            ),
        }
        for name, call in calls.items():
            try:
                call()
            except grpc.RpcError as error:
                emit("status", rpc=name, code=error.code().name, details=error.details())
                continue
            fail(f"{name} succeeded without the security header")


if __name__ == "__main__":
    try:
        main()
    except SystemExit:
        raise
    except Exception as error:  # noqa: BLE001 - every failure is reported to the Swift test
        fail(f"{type(error).__name__}: {error}")
