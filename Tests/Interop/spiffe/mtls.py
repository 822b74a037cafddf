"""spiffe-tls mTLS between two processes whose SVIDs come from the Swift Workload API.

Usage:
  mtls.py server <expected client SPIFFE ID>
      listens on 127.0.0.1 (ephemeral port), prints `listening` with the port, accepts one mTLS connection
      authorized for the client ID, answers the client's line, prints `served` with the peer ID.
  mtls.py client <port> <expected server SPIFFE ID>
      dials with mTLS authorized for the server ID, sends `ping`, prints `answered` with the reply.
Reads SPIFFE_ENDPOINT_SOCKET.
"""

import sys

from cryptography import x509
from spiffe import SpiffeId, X509Source
from spiffetls import ClientTlsMode, ListenOptions, ServerTlsMode, dial, listen
from spiffetls.tlsconfig.authorize import authorize_id

from common import emit, fail


def peer_id(connection):
    """The URI SAN of the peer's certificate."""
    certificate = connection.get_peer_certificate().to_cryptography()
    names = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    return names.get_values_for_type(x509.UniformResourceIdentifier)[0]


def serve(source, client_id):
    listener = listen(
        "127.0.0.1:0",
        source,
        ListenOptions(tls_mode=ServerTlsMode.MTLS, authorize_fn=authorize_id(SpiffeId(client_id))),
    )
    listener.settimeout(20)
    own_id = str(source.get_x509_context().default_svid.spiffe_id)
    emit("listening", port=listener.getsockname()[1], spiffe_id=own_id)
    connection, _ = listener.accept()
    connection.do_handshake()
    request = connection.recv(64).decode()
    connection.sendall(f"pong:{request}".encode())
    emit("served", peer_id=peer_id(connection), request=request)
    connection.shutdown()
    connection.close()
    listener.close()


def call(source, port, server_id):
    connection = dial(
        f"127.0.0.1:{port}", source, ClientTlsMode.TLS, authorize_fn=authorize_id(SpiffeId(server_id))
    )
    connection.sendall(b"ping")
    reply = connection.recv(64).decode()
    own_id = str(source.get_x509_context().default_svid.spiffe_id)
    emit("answered", reply=reply, peer_id=peer_id(connection), spiffe_id=own_id)
    connection.close()


def main():
    source = X509Source(timeout_in_seconds=15)
    try:
        if sys.argv[1] == "server":
            serve(source, sys.argv[2])
        else:
            call(source, int(sys.argv[2]), sys.argv[3])
    finally:
        source.close()


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # noqa: BLE001 - every failure is reported to the Swift test
        fail(f"{type(error).__name__}: {error}")
