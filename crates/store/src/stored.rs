//! An enumeration in an entity: typed in Rust, kept in the database as its snake_case
//! text, so that the database reads the same words as the API. One conversion serves
//! every `string_enum!`; a text that names no variant reads as an error, not a default.

use peergroup_domain::StringEnum;
use sea_orm::sea_query::{ArrayType, ColumnType, Nullable, StringLen, ValueType, ValueTypeErr};
use sea_orm::{ColIdx, DbErr, QueryResult, TryGetError, TryGetable, Value};
use std::str::FromStr;

/// A `string_enum!` value as an entity's column.
/// Read from JSON (an aggregate's rows) as the enum's own name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(transparent)]
pub struct Stored<T>(pub T);

impl<T> std::ops::Deref for Stored<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: StringEnum> From<Stored<T>> for Value {
    fn from(v: Stored<T>) -> Value {
        Value::String(Some(v.0.as_str().to_owned()))
    }
}

/// Reads the stored text back; the error names the text found.
fn parse<T: FromStr>(text: &str) -> Result<T, DbErr> {
    text.parse()
        .map_err(|_| DbErr::Type(format!("unexpected stored value `{text}`")))
}

impl<T: StringEnum + FromStr> TryGetable for Stored<T> {
    fn try_get_by<I: ColIdx>(res: &QueryResult, idx: I) -> Result<Self, TryGetError> {
        let text = String::try_get_by(res, idx)?;
        parse(&text).map(Stored).map_err(TryGetError::DbErr)
    }
}

impl<T: StringEnum + FromStr> ValueType for Stored<T> {
    fn try_from(v: Value) -> Result<Self, ValueTypeErr> {
        let text = <String as ValueType>::try_from(v)?;
        text.parse().map(Stored).map_err(|_| ValueTypeErr)
    }

    fn type_name() -> String {
        std::any::type_name::<T>().to_owned()
    }

    fn array_type() -> ArrayType {
        ArrayType::String
    }

    fn column_type() -> ColumnType {
        ColumnType::String(StringLen::None)
    }
}

impl<T> Nullable for Stored<T> {
    fn null() -> Value {
        Value::String(None)
    }
}

/// Enumeration names quoted as an SQL list (`'planned', 'enrolling'`), for statements kept
/// as text: the names are `'static` snake_case words, never input.
pub(crate) fn sql_words<T: StringEnum>(values: &[T]) -> String {
    let quoted: Vec<String> = values.iter().map(|v| format!("'{}'", v.as_str())).collect();
    quoted.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use peergroup_domain::reminders::MessageState;

    #[test]
    fn an_enum_is_stored_as_its_text_and_read_back() {
        let v: Value = Stored(MessageState::Retrying).into();
        assert_eq!(v, Value::String(Some("retrying".into())));
        let back: Stored<MessageState> = ValueType::try_from(v).unwrap();
        assert_eq!(*back, MessageState::Retrying);
        assert!(<Stored<MessageState> as ValueType>::try_from(Value::from("lost")).is_err());
    }

    #[test]
    fn enum_names_are_quoted_as_an_sql_list() {
        let words = sql_words(&[MessageState::Queued, MessageState::Sent]);
        assert_eq!(words, "'queued', 'sent'");
    }
}
