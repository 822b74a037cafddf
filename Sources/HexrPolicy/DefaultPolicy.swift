/// The policy Hexr enforces when none is configured: same tenant ⇒ allow; across tenants ⇒ deny
/// unless `data.grants` names both sides (and, optionally, the skill); an agent identity may
/// register itself with the registry; the operator CLI of the trust domain
/// (`spiffe://<td>/hexr/cli`, which `hexr up` issues to its own user and executable) may call any
/// agent of it.
public enum DefaultPolicy {
    public static let filename = "hexr-default.rego"

    public static let source = """
        package hexr.authz

        import rego.v1

        default allow := false

        registering if input.action.kind == "register"

        # An agent identity may register (the registry binds the name to the identity itself).
        registers_itself if {
            registering
            input.source.tenant
            input.source.agent
        }

        # `hexr send` / `hexr tasks`: the control plane's operator identity.
        operator if {
            not registering
            input.source.spiffe_id == concat("", ["spiffe://", input.destination.trust_domain, "/hexr/cli"])
        }

        same_tenant if {
            not registering
            input.source.tenant
            input.source.tenant == input.destination.tenant
        }

        granted if {
            not registering
            some grant in data.grants
            grant.source == input.source.spiffe_id
            grant.destination == input.destination.spiffe_id
            not grant.skill
        }

        granted if {
            not registering
            some grant in data.grants
            grant.source == input.source.spiffe_id
            grant.destination == input.destination.spiffe_id
            grant.skill == input.action.skill
        }

        allow if registers_itself

        allow if same_tenant

        allow if granted

        allow if operator

        reasons contains "agent registers itself" if registers_itself

        reasons contains "only agent identities may register" if {
            registering
            not registers_itself
        }

        reasons contains "same tenant" if same_tenant

        reasons contains "explicit grant" if granted

        reasons contains "operator CLI" if operator

        reasons contains "cross-tenant call without a grant" if {
            not registering
            not same_tenant
            not granted
            not operator
        }

        decision := {"allow": allow, "reasons": reasons}
        """
}
