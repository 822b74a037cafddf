"""py-spiffe WorkloadApiClient against the Swift Workload API server.

Usage: fetch.py <audience>. Reads SPIFFE_ENDPOINT_SOCKET. Prints JSON lines: x509_svid, x509_bundles, jwt_svid,
jwt_bundles, validated.
"""

import sys

from spiffe import WorkloadApiClient

from common import emit, fail, leaf_facts


def main():
    audience = sys.argv[1]
    with WorkloadApiClient(default_timeout=10) as client:
        context = client.fetch_x509_context()
        emit("x509_svid", svid_count=len(context.x509_svids), **leaf_facts(context.default_svid))

        bundles = client.fetch_x509_bundles()
        emit(
            "x509_bundles",
            trust_domains=sorted(str(b.trust_domain) for b in bundles.bundles),
            authority_count=sum(len(b.x509_authorities) for b in bundles.bundles),
        )

        jwt_svid = client.fetch_jwt_svid(audience={audience})
        emit("jwt_svid", spiffe_id=str(jwt_svid.spiffe_id), audience=sorted(jwt_svid.audience), token=jwt_svid.token)

        jwt_bundles = client.fetch_jwt_bundles()
        emit(
            "jwt_bundles",
            trust_domains=sorted(str(b.trust_domain) for b in jwt_bundles.bundles),
            key_ids=sorted(k for b in jwt_bundles.bundles for k in b.jwt_authorities),
        )

        validated = client.validate_jwt_svid(jwt_svid.token, audience)
        emit("validated", spiffe_id=str(validated.spiffe_id), audience=sorted(validated.audience))


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # noqa: BLE001 - every failure is reported to the Swift test
        fail(f"{type(error).__name__}: {error}")
