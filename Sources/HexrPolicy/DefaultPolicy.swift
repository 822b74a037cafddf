/// The policy Hexr enforces when none is configured: same tenant ⇒ allow; across tenants ⇒ deny
/// unless `data.grants` names both sides (and, optionally, the skill).
public enum DefaultPolicy {
    public static let filename = "hexr-default.rego"

    public static let source = """
        package hexr.authz

        import rego.v1

        default allow := false

        same_tenant if {
            input.source.tenant
            input.source.tenant == input.destination.tenant
        }

        granted if {
            some grant in data.grants
            grant.source == input.source.spiffe_id
            grant.destination == input.destination.spiffe_id
            not grant.skill
        }

        granted if {
            some grant in data.grants
            grant.source == input.source.spiffe_id
            grant.destination == input.destination.spiffe_id
            grant.skill == input.action.skill
        }

        allow if same_tenant

        allow if granted

        reasons contains "same tenant" if same_tenant

        reasons contains "explicit grant" if granted

        reasons contains "cross-tenant call without a grant" if {
            not same_tenant
            not granted
        }

        decision := {"allow": allow, "reasons": reasons}
        """
}
