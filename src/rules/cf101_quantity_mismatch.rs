//! CF101 quantity-mismatch. Documentation: rules/CF101-quantity-mismatch.md

use super::{pointer_of, walk, Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Applicability, Finding, Severity};
use crate::json::Pointer;
use serde_json::Value;

pub struct QuantityMismatch;

static META: RuleMeta = RuleMeta {
    code: "CF101",
    name: "quantity-mismatch",
    severity: Severity::Error,
    summary:
        "A `Quantity` that differs from the number of `Items` (CloudFront: InconsistentQuantities)",
    fix: FixAvailability::Sometimes,
    doc: include_str!("../../rules/CF101-quantity-mismatch.md"),
    controls: &[],
    default_on: true,
};

impl Rule for QuantityMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    /// Every object with a `Quantity` is one of the API's 19 list wrappers, wherever it sits,
    /// so the walk is generic rather than a list of paths.
    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        walk(cx.raw, |path, value| {
            if let Some(quantity) = value.get("Quantity").and_then(Value::as_u64) {
                let items = value.get("Items");
                let mismatch = match items {
                    Some(Value::Array(items)) => items.len() as u64 != quantity,
                    None => quantity > 0,
                    Some(_) => false,
                };
                if mismatch {
                    check_wrapper(cx, &pointer_of(path), quantity, items, out);
                }
            }
        });
    }
}

fn check_wrapper(
    cx: &Context,
    wrapper: &Pointer,
    quantity: u64,
    items: Option<&Value>,
    out: &mut Vec<Finding>,
) {
    let name = wrapper.last().unwrap_or_else(|| "the list".to_owned());
    let at = wrapper.key("Quantity");
    match items {
        Some(Value::Array(items)) if items.len() as u64 != quantity => {
            let n = items.len();
            cx.report(
                &META,
                &at,
                format!(
                    "`{name}` has Quantity {quantity} but {n} {}: CloudFront rejects the config (InconsistentQuantities)",
                    if n == 1 { "item" } else { "items" }
                ),
            )
            .label(&wrapper.key("Items"), Anchor::Key, format!("{n} here"))
            .help(format!("set Quantity to {n}, the number of Items"))
            .fix_replace(format!("Set Quantity to {n}"), Applicability::Safe, &at, n.to_string())
            .push(out);
        }
        None if quantity > 0 => {
            cx.report(
                &META,
                &at,
                format!(
                    "`{name}` has Quantity {quantity} but no Items: CloudFront rejects the config (InconsistentQuantities)"
                ),
            )
            .help(format!("add the {quantity} Items, or set Quantity to 0"))
            .push(out);
        }
        _ => {}
    }
}
