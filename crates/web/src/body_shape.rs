//! Holds a JSON body to the shape its published schema gives it, before serde reads it.
//! serde alone is looser than the document in three ways: it reads a struct from an array
//! (`["Name","en"]` as a person), it reads `2027-2-3` as a date, and it refuses `3.0` for an
//! integer, which JSON Schema counts as one. Walking the document's own schema keeps the two
//! in step without a second description of every type.

use crate::error::ApiError;
use serde_json::{Map, Value};

/// The published component schemas.
fn components() -> &'static Map<String, Value> {
    static NONE: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();
    crate::openapi::openapi_json().0["components"]["schemas"]
        .as_object()
        .unwrap_or_else(|| NONE.get_or_init(Map::new))
}

/// Checks `value` against the component schema `name` (a type with no published schema is
/// left to serde), writing integral numbers such as `3.0` as integers where an integer is
/// expected.
pub fn conform(value: &mut Value, name: &str) -> Result<(), ApiError> {
    match components().get(name) {
        Some(schema) => walk(value, schema, &mut String::new()),
        None => Ok(()),
    }
}

fn resolve(schema: &Value) -> &Value {
    match schema["$ref"].as_str() {
        Some(r) => r
            .strip_prefix("#/components/schemas/")
            .and_then(|name| components().get(name))
            .map_or(schema, resolve),
        None => schema,
    }
}

fn is_type(schema: &Value, name: &str) -> bool {
    match &schema["type"] {
        Value::String(t) => t == name,
        Value::Array(types) => types.iter().any(|t| t == name),
        _ => false,
    }
}

fn field(path: &str) -> String {
    if path.is_empty() {
        "body".to_string()
    } else {
        path.to_string()
    }
}

fn walk(value: &mut Value, schema: &Value, path: &mut String) -> Result<(), ApiError> {
    let schema = resolve(schema);
    for part in schema["allOf"].as_array().into_iter().flatten() {
        walk(value, part, path)?;
    }
    if let Some(branches) = schema["oneOf"].as_array().or(schema["anyOf"].as_array()) {
        // The branch that fits decides; when none does, serde says why.
        for branch in branches {
            let mut candidate = value.clone();
            if walk(&mut candidate, branch, &mut path.clone()).is_ok()
                && fits_type(&candidate, resolve(branch))
            {
                *value = candidate;
                return Ok(());
            }
        }
        return Ok(());
    }
    match value {
        Value::Array(items) => {
            if is_type(schema, "object") || schema.get("properties").is_some() {
                return Err(ApiError::field(
                    &field(path),
                    "must be an object with named fields, not an array",
                ));
            }
            if let Some(item_schema) = schema.get("items") {
                let len = path.len();
                for (i, item) in items.iter_mut().enumerate() {
                    path.push_str(&format!("[{i}]"));
                    walk(item, item_schema, path)?;
                    path.truncate(len);
                }
            }
        }
        Value::Object(fields) => {
            let properties = schema["properties"].as_object();
            let extra = schema.get("additionalProperties").filter(|s| s.is_object());
            for (name, item) in fields.iter_mut() {
                let Some(item_schema) = properties.and_then(|p| p.get(name)).or(extra) else {
                    continue;
                };
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(name);
                walk(item, item_schema, path)?;
                path.truncate(len);
            }
        }
        Value::Number(n) if is_type(schema, "integer") && !n.is_i64() && !n.is_u64() => {
            if let Some(f) = n.as_f64()
                && f.fract() == 0.0
                && f.abs() < 9.007_199_254_740_992e15
            {
                *value = Value::from(f as i64);
            }
        }
        Value::String(text) if schema["format"] == "date" && !is_strict_date(text) => {
            return Err(ApiError::field(
                &field(path),
                format!("`{text}` is not a date written YYYY-MM-DD"),
            ));
        }
        _ => {}
    }
    Ok(())
}

/// Whether a value is of a branch's declared type, so that `null` picks the null branch
/// and an object the object branch.
fn fits_type(value: &Value, schema: &Value) -> bool {
    let declared = match &schema["type"] {
        Value::Null => return true,
        t => t,
    };
    let kind = match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    let matches = |t: &Value| t == kind || (kind == "integer" && t == "number");
    match declared {
        Value::Array(types) => types.iter().any(matches),
        t => matches(t),
    }
}

/// `YYYY-MM-DD` exactly: chrono also reads `2027-2-3`.
pub fn is_strict_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fields(err: ApiError) -> Vec<String> {
        err.0.errors.iter().map(|e| e.field.clone()).collect()
    }

    #[test]
    fn a_struct_written_as_an_array_is_refused_at_any_depth() {
        let mut person = json!(["Array person", "en"]);
        assert!(conform(&mut person, "PersonSpec").is_err());
        let mut group = json!({"venue": ["x"]});
        let err = conform(&mut group, "GroupSpec").unwrap_err();
        assert_eq!(fields(err), ["venue"]);
    }

    #[test]
    fn dates_must_be_written_in_full_and_integral_numbers_become_integers() {
        let mut body = json!({"held_on": "2027-2-3"});
        let err = conform(&mut body, "SupervisionSpec").unwrap_err();
        assert_eq!(fields(err), ["held_on"]);
        let mut body = json!({"held_on": "2027-02-03", "mentor_person_id": 12.0, "minutes": 30.0});
        conform(&mut body, "SupervisionSpec").unwrap();
        assert_eq!(body["mentor_person_id"], json!(12));
        assert!(body["minutes"].is_i64());
        let mut fraction = json!({"mentor_person_id": 12.5});
        conform(&mut fraction, "SupervisionSpec").unwrap();
        assert_eq!(
            fraction["mentor_person_id"],
            json!(12.5),
            "left for serde to refuse"
        );
    }

    #[test]
    fn every_request_body_is_a_published_component() {
        let doc = serde_json::to_value(crate::openapi()).unwrap();
        for (path, item) in doc["paths"].as_object().unwrap() {
            for (method, op) in item.as_object().unwrap() {
                let Some(content) = op["requestBody"]["content"].as_object() else {
                    continue;
                };
                for media in content.values() {
                    let name = media["schema"]["$ref"]
                        .as_str()
                        .and_then(|r| r.strip_prefix("#/components/schemas/"))
                        .unwrap_or_else(|| panic!("{method} {path}: an inline body schema"));
                    assert!(components().contains_key(name), "{method} {path}: {name}");
                }
            }
        }
    }
}
