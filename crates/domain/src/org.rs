//! Organizations (tenants) and the roles of their users.

string_enum!(
    /// What a user may do inside their organization.
    Role {
        /// Everything a coordinator can, plus managing the organization itself.
        Admin => "admin",
        /// Sets up programs and groups, enrols participants, arranges supports.
        Coordinator => "coordinator",
        /// Runs sessions; reads only the groups they are assigned to.
        Facilitator => "facilitator",
    }
);

impl Role {
    /// Coordinators and admins manage the organization's data; facilitators read their groups.
    pub fn can_manage(self) -> bool {
        matches!(self, Role::Admin | Role::Coordinator)
    }
}
