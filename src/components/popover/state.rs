//! The popover's state as a reducer: which trigger it is open at and how it
//! was opened, changed by one message at a time ([`reduce`]). The reducer
//! touches neither the page nor a timer; it returns the [`Effect`]s the layer
//! then carries out (redraw, schedule or cancel the hover timer, move focus),
//! so every rule of opening and closing reads in one `match`.

use crate::hooks::popover::{PopoverMsg, Request, Via};
use web_sys::HtmlElement;

/// Delay before a resting mouse opens the popover, in milliseconds.
const HOVER_OPEN_MS: u32 = 350;
/// Delay before the popover closes after the pointer leaves, in milliseconds.
const HOVER_CLOSE_MS: u32 = 300;

/// The popover as it is open.
#[derive(Clone, Debug)]
pub(super) struct Open {
    /// Where and what.
    pub(super) request: Request,
    /// How it was opened, which decides how it closes.
    pub(super) via: Via,
}

/// The popover's state.
#[derive(Debug, Default)]
pub(super) struct State {
    /// Open, or closed.
    pub(super) open: Option<Open>,
    /// Focus is being given back to a trigger: do not reopen on that focus.
    pub(super) restoring: bool,
}

/// What happens to the state: a message from a trigger or the popover, or
/// focus leaving them (the layer has looked where it went).
#[derive(Debug)]
pub(super) enum Input {
    /// A message ([`PopoverMsg::Blur`] comes as [`Input::FocusLeft`]).
    Msg(PopoverMsg),
    /// Focus left a trigger or the popover.
    FocusLeft {
        /// Into the popover.
        into_popover: bool,
        /// Into the open popover's trigger.
        into_trigger: bool,
    },
}

/// What the layer must do after a step.
#[derive(Debug)]
pub(super) enum Effect {
    /// Replace any pending timer: after this many milliseconds, this message.
    Schedule(u32, PopoverMsg),
    /// Forget the pending timer.
    Cancel,
    /// Draw again: the popover opened, closed or changed.
    Redraw,
    /// Move keyboard focus into the popover (its first link, else itself).
    FocusInside,
    /// Give focus back to this trigger, without reopening on that focus.
    FocusTrigger(HtmlElement),
}

fn open_at(state: &State, request: &Request) -> bool {
    state
        .open
        .as_ref()
        .is_some_and(|o| o.request.key == request.key)
}

/// Apply one input; returns what the layer must do.
pub(super) fn reduce(state: &mut State, input: Input) -> Vec<Effect> {
    use Effect::{Cancel, Redraw, Schedule};
    let msg = match input {
        Input::FocusLeft {
            into_popover,
            into_trigger,
        } => {
            let by_focus = state.open.as_ref().is_some_and(|o| o.via == Via::Focus);
            return if by_focus && !into_popover && !into_trigger {
                state.open = None;
                vec![Cancel, Redraw]
            } else {
                Vec::new()
            };
        }
        Input::Msg(msg) => msg,
    };
    match msg {
        PopoverMsg::Hover(request) => {
            if open_at(state, &request) {
                vec![Cancel]
            } else {
                vec![Schedule(
                    HOVER_OPEN_MS,
                    PopoverMsg::Open(request, Via::Hover),
                )]
            }
        }
        PopoverMsg::Open(request, via) => {
            // Opened again by a firmer means (focus, tap) than a hover: keep
            // it open the way it was opened last.
            let firmer = match &state.open {
                Some(o) if o.request.key == request.key => o.via == Via::Hover && via != Via::Hover,
                _ => true,
            };
            if firmer {
                state.open = Some(Open { request, via });
                vec![Cancel, Redraw]
            } else {
                vec![Cancel]
            }
        }
        PopoverMsg::Toggle(request) => {
            let open_firmly = state.open.as_ref().is_some_and(|o| o.via != Via::Hover);
            state.open = if open_at(state, &request) && open_firmly {
                None
            } else {
                Some(Open {
                    request,
                    via: Via::Tap,
                })
            };
            vec![Cancel, Redraw]
        }
        PopoverMsg::Focus(request) => {
            if state.restoring {
                return Vec::new();
            }
            state.open = Some(Open {
                request,
                via: Via::Focus,
            });
            vec![Cancel, Redraw]
        }
        PopoverMsg::LeaveSoon => match &state.open {
            Some(o) if o.via == Via::Hover => vec![Schedule(
                HOVER_CLOSE_MS,
                PopoverMsg::Close {
                    restore_focus: false,
                },
            )],
            Some(_) => Vec::new(),
            // A pending hover-open is cancelled.
            None => vec![Cancel],
        },
        PopoverMsg::Stay => vec![Cancel],
        PopoverMsg::FocusInside => match state.open.as_mut() {
            Some(o) => {
                o.via = Via::Focus;
                vec![Effect::FocusInside]
            }
            None => Vec::new(),
        },
        // The layer turns a blur into `Input::FocusLeft`; one that was not
        // looked at went nowhere in particular.
        PopoverMsg::Blur(_) => reduce(
            state,
            Input::FocusLeft {
                into_popover: false,
                into_trigger: false,
            },
        ),
        PopoverMsg::Close { restore_focus } => match state.open.take() {
            None => vec![Cancel],
            Some(open) if restore_focus => {
                vec![Cancel, Effect::FocusTrigger(open.request.trigger), Redraw]
            }
            Some(_) => vec![Cancel, Redraw],
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hooks::popover::PopoverContent;
    use lattice_core::glossary::Glossary;
    use std::rc::Rc;
    use wasm_bindgen::{JsCast, JsValue};
    use yew::AttrValue;

    /// A request at the trigger `key` (the element itself is never touched
    /// by the reducer, so a null stands in for it).
    fn request(key: &'static str) -> Request {
        Request {
            trigger: JsValue::NULL.unchecked_into(),
            key: AttrValue::from(key),
            content: PopoverContent::Term {
                glossary: Rc::new(Glossary::default()),
                index: 0,
            },
        }
    }

    fn msg(state: &mut State, msg: PopoverMsg) -> Vec<Effect> {
        reduce(state, Input::Msg(msg))
    }

    fn via(state: &State) -> Option<Via> {
        state.open.as_ref().map(|o| o.via)
    }

    #[test]
    fn a_hover_opens_only_after_its_delay() {
        let mut state = State::default();
        let effects = msg(&mut state, PopoverMsg::Hover(request("a")));
        assert!(state.open.is_none());
        let [Effect::Schedule(ms, PopoverMsg::Open(_, Via::Hover))] = effects.as_slice() else {
            panic!("expected a scheduled open, got {effects:?}");
        };
        assert_eq!(*ms, HOVER_OPEN_MS);
    }

    #[test]
    fn a_tap_toggles_and_a_hover_does_not_close_a_tapped_popover() {
        let mut state = State::default();
        msg(&mut state, PopoverMsg::Toggle(request("a")));
        assert_eq!(via(&state), Some(Via::Tap));
        assert!(matches!(
            msg(&mut state, PopoverMsg::LeaveSoon).as_slice(),
            []
        ));
        msg(&mut state, PopoverMsg::Toggle(request("a")));
        assert!(state.open.is_none());
    }

    #[test]
    fn focus_leaving_closes_only_what_focus_opened() {
        let mut state = State::default();
        msg(&mut state, PopoverMsg::Focus(request("a")));
        let into_popover = Input::FocusLeft {
            into_popover: true,
            into_trigger: false,
        };
        assert!(reduce(&mut state, into_popover).is_empty());
        assert_eq!(via(&state), Some(Via::Focus));
        let away = Input::FocusLeft {
            into_popover: false,
            into_trigger: false,
        };
        reduce(&mut state, away);
        assert!(state.open.is_none());

        msg(&mut state, PopoverMsg::Toggle(request("b")));
        let away = Input::FocusLeft {
            into_popover: false,
            into_trigger: false,
        };
        reduce(&mut state, away);
        assert_eq!(via(&state), Some(Via::Tap));
    }

    #[test]
    fn escape_gives_focus_back_and_focus_being_restored_does_not_reopen() {
        let mut state = State::default();
        msg(&mut state, PopoverMsg::Focus(request("a")));
        let effects = msg(
            &mut state,
            PopoverMsg::Close {
                restore_focus: true,
            },
        );
        assert!(state.open.is_none());
        assert!(effects.iter().any(|e| matches!(e, Effect::FocusTrigger(_))));
        state.restoring = true;
        assert!(msg(&mut state, PopoverMsg::Focus(request("a"))).is_empty());
        assert!(state.open.is_none());
    }

    #[test]
    fn a_firmer_open_takes_over_a_hover() {
        let mut state = State::default();
        msg(&mut state, PopoverMsg::Open(request("a"), Via::Hover));
        msg(&mut state, PopoverMsg::Open(request("a"), Via::Focus));
        assert_eq!(via(&state), Some(Via::Focus));
        // A hover again does not weaken it.
        msg(&mut state, PopoverMsg::Open(request("a"), Via::Hover));
        assert_eq!(via(&state), Some(Via::Focus));
    }
}
