//! Field-level validation errors, collected rather than returned one at a time.

use serde::{Deserialize, Deserializer, Serialize};
use utoipa::ToSchema;

/// Entries a list that is a set (topics, criteria, languages) may hold where nothing
/// narrower bounds it. Published as the field's `maxItems`.
pub const MAX_SET_ITEMS: usize = 50;

/// Reads a list that is a set, for serde's `deserialize_with`: a repeated entry is dropped,
/// the first kept in its place. A list longer than `N`, the field's published `maxItems`, is
/// kept as sent, so that `validate` refuses it by the length the client wrote rather than
/// accept what is left after the repeats are dropped.
pub fn distinct<'de, const N: usize, D, T>(de: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + PartialEq,
{
    let items = Vec::<T>::deserialize(de)?;
    Ok(if items.len() > N { items } else { dedup(items) })
}

/// `items` without repeats, in the order each was first seen.
fn dedup<T: PartialEq>(items: Vec<T>) -> Vec<T> {
    let mut out: Vec<T> = Vec::with_capacity(items.len());
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// The OpenAPI schema of a list of integers, each from `min` to `max` (the derive has no
/// range for a list's items, nor `uniqueItems`; callers add what else applies).
pub fn integer_list(
    format: utoipa::openapi::KnownFormat,
    min: Option<i64>,
    max: Option<i64>,
) -> utoipa::openapi::schema::ArrayBuilder {
    use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, SchemaFormat, Type};
    ArrayBuilder::new().items(
        ObjectBuilder::new()
            .schema_type(Type::Integer)
            .format(Some(SchemaFormat::KnownFormat(format)))
            .minimum(min)
            .maximum(max),
    )
}

/// Declares `$name`, the OpenAPI schema of a list of distinct `$item`s, `$min` to `$max`
/// long, for a field to publish with `#[schema(value_type = $name, inline)]`: the derive has
/// no `uniqueItems`, and a field's own `schema_with` would not publish `$item` as a
/// component. It describes the list itself, so the field's own comment should not (`///`
/// on the field would wrap the list in a `oneOf`).
macro_rules! unique_list_schema {
    ($(#[$meta:meta])* $name:ident, $item:ty, $min:expr, $max:expr, $description:literal) => {
        $(#[$meta])*
        struct $name;

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ArrayBuilder::new()
                    .items(utoipa::openapi::Ref::from_schema_name(
                        <$item as utoipa::ToSchema>::name(),
                    ))
                    .min_items(Some($min).filter(|min: &usize| *min > 0))
                    .max_items(Some($max))
                    .unique_items(true)
                    .description(Some($description))
                    .into()
            }
        }

        impl utoipa::ToSchema for $name {
            fn schemas(
                schemas: &mut Vec<(
                    String,
                    utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
                )>,
            ) {
                schemas.push((
                    <$item as utoipa::ToSchema>::name().into(),
                    <$item as utoipa::PartialSchema>::schema(),
                ));
                <$item as utoipa::ToSchema>::schemas(schemas);
            }
        }
    };
}
pub(crate) use unique_list_schema;

/// One problem with one input field. `field` is a JSON path such as `phases[1].sessions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

/// Every problem found in one input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ValidationErrors(Vec<FieldError>);

impl ValidationErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn single(field: impl Into<String>, message: impl Into<String>) -> Self {
        let mut errors = Self::new();
        errors.add(field, message);
        errors
    }

    pub fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(FieldError {
            field: field.into(),
            message: message.into(),
        });
    }

    /// Records `message` against `field` unless `ok` holds.
    pub fn check(&mut self, ok: bool, field: impl Into<String>, message: impl Into<String>) {
        if !ok {
            self.add(field, message);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn errors(&self) -> &[FieldError] {
        &self.0
    }

    pub fn into_result(self) -> Result<(), ValidationErrors> {
        if self.is_empty() { Ok(()) } else { Err(self) }
    }
}

impl std::fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self
            .0
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect();
        f.write_str(&parts.join("; "))
    }
}

impl std::error::Error for ValidationErrors {}

/// Checks that the bounds a field's schema publishes (`bounds`: its `minimum`, `maximum`,
/// `exclusiveMinimum`) are where `accepts` changes its mind: `valid` with the value at
/// `pointer` set just inside each bound is accepted, just outside refused.
/// Hours a module, a curriculum or a completion may count, at most.
pub const MAX_HOURS: f32 = 1000.0;
/// Hours are counted in tenths: less than one is nothing.
pub const MIN_HOURS: f32 = 0.1;

/// Refuses hours that are not a number from [`MIN_HOURS`] to [`MAX_HOURS`].
pub fn check_hours(errors: &mut ValidationErrors, field: &str, hours: f32) {
    errors.check(
        hours.is_finite() && (MIN_HOURS..=MAX_HOURS).contains(&hours),
        field,
        format!("must be from {MIN_HOURS} to {MAX_HOURS}"),
    );
}

#[cfg(test)]
pub(crate) fn assert_bounds_agree(
    valid: &serde_json::Value,
    pointer: &str,
    bounds: &serde_json::Value,
    accepts: impl Fn(serde_json::Value) -> bool,
) {
    use serde_json::{Value, json};
    let with = |x: f64| {
        let mut v = valid.clone();
        let integer = x.fract() == 0.0;
        *v.pointer_mut(pointer)
            .unwrap_or_else(|| panic!("{pointer} in {valid}")) =
            if integer { json!(x as i64) } else { json!(x) };
        accepts(v)
    };
    let is_integer = match &bounds["type"] {
        Value::String(t) => t == "integer",
        Value::Array(t) => t.contains(&json!("integer")),
        _ => false,
    };
    let step = if is_integer { 1.0 } else { 0.5 };
    let mut checked = 0;
    if let Some(min) = bounds["minimum"].as_f64() {
        assert!(with(min), "{pointer} = {min} is published as allowed");
        assert!(
            !with(min - step),
            "{pointer} = {} is published as refused",
            min - step
        );
        checked += 1;
    }
    if let Some(min) = bounds["exclusiveMinimum"].as_f64() {
        assert!(!with(min), "{pointer} = {min} is published as refused");
        assert!(
            with(min + step),
            "{pointer} = {} is published as allowed",
            min + step
        );
        checked += 1;
    }
    if let Some(max) = bounds["maximum"].as_f64() {
        assert!(with(max), "{pointer} = {max} is published as allowed");
        assert!(
            !with(max + step),
            "{pointer} = {} is published as refused",
            max + step
        );
        checked += 1;
    }
    assert!(checked > 0, "{pointer} publishes no bound: {bounds}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    #[derive(Debug, serde::Deserialize)]
    struct Topics {
        #[serde(default, deserialize_with = "distinct::<4, _, _>")]
        topics: Vec<String>,
    }

    fn topics(value: Value) -> Vec<String> {
        serde_json::from_value::<Topics>(json!({ "topics": value }))
            .unwrap()
            .topics
    }

    #[test]
    fn a_set_drops_repeats_keeping_the_first_in_order() {
        assert_eq!(topics(json!(["b", "a", "b", "a"])), ["b", "a"]);
        assert_eq!(topics(json!(["a", "b", "c"])), ["a", "b", "c"]);
        assert!(topics(json!([])).is_empty());
        let missing: Topics = serde_json::from_value(json!({})).unwrap();
        assert!(missing.topics.is_empty());
    }

    #[test]
    fn a_set_longer_than_its_bound_is_kept_as_sent_for_validate_to_refuse() {
        // Five entries where at most four are published: the length as written is what
        // `maxItems` counts, so dropping the repeat must not make it acceptable.
        assert_eq!(
            topics(json!(["a", "a", "b", "c", "d"])),
            ["a", "a", "b", "c", "d"]
        );
    }

    /// The schema of `T` as JSON, with `$ref`s left as they are.
    fn schema<T: utoipa::PartialSchema>() -> Value {
        serde_json::to_value(T::schema()).unwrap()
    }

    /// The published bounds are literals (the derive takes no constant); they must be the
    /// bounds the code checks.
    #[test]
    fn published_bounds_are_the_checked_ones() {
        use crate::attendance::*;
        use crate::group::*;
        use crate::program::*;
        use crate::reminders::*;
        use crate::support::*;
        use crate::training::*;
        let n = |v: &Value| v.as_f64().unwrap();
        let len = |v: &Value| v.as_u64().unwrap() as usize;

        let p = schema::<ProgramSpec>();
        let p = &p["properties"];
        assert_eq!(len(&p["facilitator_roles"]["maxItems"]), MAX_ROLES);
        assert_eq!(len(&p["phases"]["maxItems"]), MAX_PHASES);
        assert_eq!(len(&p["languages"]["maxItems"]), MAX_SET_ITEMS);
        assert_eq!(len(&p["segmentation"]["maxItems"]), Segmentation::ALL.len());
        assert_eq!(
            len(&p["supports_offered"]["maxItems"]),
            crate::support::SupportKind::ALL.len()
        );
        let phase = schema::<Phase>();
        let phase = &phase["properties"];
        assert_eq!(
            n(&phase["sessions"]["maximum"]),
            f64::from(MAX_SESSIONS_PER_PHASE)
        );
        assert_eq!(
            len(&phase["session_plans"]["maxItems"]),
            usize::from(MAX_SESSIONS_PER_PHASE)
        );
        assert_eq!(len(&phase["leads"]["maxItems"]), MAX_ROLES);
        assert_eq!(
            len(&schema::<SessionPlan>()["properties"]["structure"]["maxItems"]),
            MAX_PLAN_PARTS
        );
        assert_eq!(
            n(&schema::<ScheduledContact>()["properties"]["phase"]["maximum"]),
            (MAX_PHASES - 1) as f64
        );
        let t = schema::<TrainingRequirement>();
        assert_eq!(
            n(&t["properties"]["hours"]["maximum"]),
            f64::from(MAX_HOURS)
        );
        assert_eq!(len(&t["properties"]["topics"]["maxItems"]), MAX_SET_ITEMS);

        let r = schema::<ReminderPolicy>();
        for field in ["participants_hours_before", "facilitators_hours_before"] {
            let items = &r["properties"][field]["items"];
            assert_eq!(n(&items["maximum"]), f64::from(MAX_HOURS_BEFORE));
        }

        let g = schema::<GroupSpec>();
        let g = &g["properties"];
        assert_eq!(n(&g["capacity"]["maximum"]), f64::from(MAX_CAPACITY));
        assert_eq!(len(&g["languages"]["maxItems"]), MAX_LANGUAGES);
        assert_eq!(len(&g["weekdays"]["maxItems"]), Weekday::ALL.len());

        let log = schema::<SessionLogSpec>();
        let log = &log["properties"];
        assert_eq!(n(&log["minutes"]["maximum"]), f64::from(MAX_LOGGED_MINUTES));
        assert_eq!(len(&log["structure_skipped"]["maxItems"]), MAX_PLAN_PARTS);
        assert_eq!(
            n(&schema::<TransportReimbursed>()["properties"]["amount_minor"]["maximum"]),
            MAX_REIMBURSED_MINOR as f64
        );
        assert_eq!(
            len(&schema::<SupportsDelivered>()["properties"]["interpreters"]["maxItems"]),
            MAX_SET_ITEMS
        );
        assert_eq!(
            len(&schema::<SupportNeedSpec>()["properties"]["children_ages"]["maxItems"]),
            MAX_CHILDREN
        );

        let m = schema::<ModuleSpec>();
        assert_eq!(
            n(&m["properties"]["hours"]["maximum"]),
            f64::from(MAX_HOURS)
        );
        assert_eq!(
            n(&m["properties"]["valid_for_months"]["maximum"]),
            f64::from(MAX_VALID_MONTHS)
        );
        for (s, fields) in [
            (schema::<ModuleSpec>(), &["topics"][..]),
            (
                schema::<FacilitatorProfile>(),
                &["languages", "criteria"][..],
            ),
            (schema::<RoleConditions>(), &["languages", "criteria"][..]),
            (schema::<CohortSpec>(), &["trainers"][..]),
            (schema::<SupervisionSpec>(), &["topics"][..]),
        ] {
            for field in fields {
                assert_eq!(
                    len(&s["properties"][field]["maxItems"]),
                    MAX_SET_ITEMS,
                    "{field}"
                );
            }
        }
        for s in [schema::<CompletionSpec>(), schema::<Requirements>()] {
            let hours = s["properties"]
                .get("hours")
                .unwrap_or(&s["properties"]["hours_required"]);
            assert_eq!(n(&hours["maximum"]), f64::from(MAX_HOURS));
        }
        assert_eq!(
            len(
                &schema::<crate::followup::CallAttemptSpec>()["properties"]["barriers"]["maxItems"]
            ),
            crate::followup::Barrier::ALL.len()
        );
    }
}
