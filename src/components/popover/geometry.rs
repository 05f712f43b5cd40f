//! Where the popover goes: below its trigger, or above when there is more
//! room there, shifted sideways to stay inside the viewport. The arithmetic
//! is a pure function ([`placement`], tested natively); [`place`] measures
//! the page and applies the result through the CSS object model (the content
//! security policy forbids style attributes).

use web_sys::HtmlElement;

/// Distance kept from the viewport's edges, in pixels.
const EDGE: f64 = 8.0;
/// Gap between the trigger and the popover, in pixels.
const GAP: f64 = 6.0;
/// The least height the popover is given, however little room there is.
const MIN_ROOM: f64 = 80.0;

/// A rectangle on the screen, in CSS pixels from the viewport's top left.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Rect {
    pub(super) left: f64,
    pub(super) top: f64,
    pub(super) width: f64,
    pub(super) height: f64,
}

/// Where the popover is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Placement {
    pub(super) left: f64,
    pub(super) top: f64,
    /// Taller content scrolls inside the popover.
    pub(super) max_height: f64,
    /// Below the trigger (else above).
    pub(super) below: bool,
}

/// Place a popover of natural size `size` (width, height) at `trigger` in a
/// viewport of `viewport` (width, height).
pub(super) fn placement(viewport: (f64, f64), trigger: Rect, size: (f64, f64)) -> Placement {
    let (width, height) = viewport;
    let (w, natural) = size;
    let bottom = trigger.top + trigger.height;
    let below = height - bottom - GAP - EDGE;
    let above = trigger.top - GAP - EDGE;
    let put_below = natural <= below || below >= above;
    let room = if put_below { below } else { above }.max(MIN_ROOM).floor();
    let shown_height = natural.min(room);
    let left = (trigger.left + trigger.width / 2.0 - w / 2.0)
        .min(width - w - EDGE)
        .max(EDGE);
    let top = if put_below {
        bottom + GAP
    } else {
        trigger.top - GAP - shown_height
    };
    Placement {
        left,
        top,
        max_height: room,
        below: put_below,
    }
}

/// The viewport's width and height without scroll bars.
fn viewport() -> (f64, f64) {
    let root = gloo::utils::document().document_element();
    match root {
        Some(root) => (
            f64::from(root.client_width()),
            f64::from(root.client_height()),
        ),
        None => {
            let w = gloo::utils::window();
            let dimension = |v: Result<wasm_bindgen::JsValue, _>| {
                v.ok().and_then(|v| v.as_f64()).unwrap_or(0.0)
            };
            (dimension(w.inner_width()), dimension(w.inner_height()))
        }
    }
}

/// The viewport's height, for "has the trigger scrolled away?".
pub(super) fn viewport_height() -> f64 {
    viewport().1
}

/// A length in whole CSS pixels. Whole, so no float is ever formatted: the
/// float formatter would add kilobytes to the app for sub-pixel precision
/// nobody sees.
fn px(value: f64) -> String {
    format!("{}px", value.round() as i64)
}

/// Measure the popover and its trigger and put the popover in place.
pub(super) fn place(popover: &HtmlElement, trigger: &HtmlElement) {
    let style = popover.style();
    // Measured at its natural height, before any limit of an earlier placing.
    let _ = style.set_property("max-height", "none");
    let r = trigger.get_bounding_client_rect();
    let trigger = Rect {
        left: r.left(),
        top: r.top(),
        width: r.width(),
        height: r.height(),
    };
    let size = (
        f64::from(popover.offset_width()),
        f64::from(popover.offset_height()),
    );
    let p = placement(viewport(), trigger, size);
    let _ = style.set_property("max-height", &px(p.max_height));
    let _ = style.set_property("left", &px(p.left));
    let _ = style.set_property("top", &px(p.top));
    let _ = popover.set_attribute("data-placement", if p.below { "below" } else { "above" });
}

#[cfg(test)]
mod tests {
    use super::*;

    const PHONE: (f64, f64) = (390.0, 844.0);

    fn trigger(left: f64, top: f64) -> Rect {
        Rect {
            left,
            top,
            width: 20.0,
            height: 20.0,
        }
    }

    #[test]
    fn below_the_trigger_when_it_fits() {
        let p = placement(PHONE, trigger(100.0, 100.0), (200.0, 150.0));
        assert!(p.below);
        assert_eq!(p.top, 126.0);
        assert_eq!(p.left, 10.0);
        assert_eq!(p.max_height, 844.0 - 120.0 - GAP - EDGE);
    }

    #[test]
    fn above_when_there_is_more_room_there() {
        let p = placement(PHONE, trigger(100.0, 700.0), (200.0, 300.0));
        assert!(!p.below);
        assert_eq!(p.top, 700.0 - GAP - 300.0);
    }

    #[test]
    fn kept_inside_the_viewport_sideways() {
        let right = placement(PHONE, trigger(380.0, 100.0), (300.0, 100.0));
        assert_eq!(right.left, 390.0 - 300.0 - EDGE);
        let left = placement(PHONE, trigger(0.0, 100.0), (300.0, 100.0));
        assert_eq!(left.left, EDGE);
    }

    #[test]
    fn taller_content_scrolls_within_the_room_left() {
        let p = placement((390.0, 400.0), trigger(100.0, 190.0), (200.0, 1000.0));
        assert!(p.max_height < 1000.0);
        assert!(p.top >= 0.0);
        assert!(p.top + p.max_height <= 400.0);
    }
}
