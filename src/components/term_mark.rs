//! A glossary term marked in the text: focusable, opening its translation in
//! the popover (hover, keyboard focus, tap, Enter/Space); in bilingual mode
//! a glossed use carries its English form after it, inline (it wraps with
//! the line, so it stays inside the text column). With term marks switched
//! off, bilingual mode marks nothing: a glossed use is not underlined (it
//! still opens its entry, the gloss beside it says it is a term) and any
//! other use is plain text.

use crate::hooks::popover::{PopoverContent, POPOVER_BODY_ID, POPOVER_ID};
use crate::hooks::use_popover_trigger;
use lattice_core::glossary::Glossary;
use std::rc::Rc;
use yew::prelude::*;

/// Props: which term, where, and its gloss in bilingual mode.
#[derive(Properties, PartialEq)]
pub struct TermMarkProps {
    /// The glossary.
    pub glossary: Rc<Glossary>,
    /// The term's index in it.
    pub index: usize,
    /// An id unique on the page (`t-<anchor>-<start>`).
    pub key_id: AttrValue,
    /// The English form to show after the term, in bilingual mode.
    #[prop_or_default]
    pub gloss: Option<AttrValue>,
    /// The gloss's language tag.
    #[prop_or_default]
    pub gloss_lang: Option<&'static str>,
    /// Whether the reader turned term marks on: every use is underlined,
    /// opens its entry and is a Tab stop. Bilingual mode alone draws only
    /// the glossed uses, unmarked and out of the Tab order.
    #[prop_or_default]
    pub focusable: bool,
    /// The marked text, as drawn.
    #[prop_or_default]
    pub children: Html,
}

/// A marked term.
#[component]
pub fn TermMark(props: &TermMarkProps) -> Html {
    let trigger = use_popover_trigger(
        props.key_id.clone(),
        PopoverContent::Term {
            glossary: props.glossary.clone(),
            index: props.index,
        },
        false,
    );
    let inner = match &props.gloss {
        Some(gloss) => html! {
            <>{ props.children.clone() }<span class="term-gloss" lang={props.gloss_lang}>{ gloss.clone() }</span></>
        },
        None => props.children.clone(),
    };
    if !props.focusable && props.gloss.is_none() {
        return inner;
    }
    html! {
        <span
            id={props.key_id.clone()}
            class={classes!(
                "term",
                props.gloss.is_some().then_some("term-bilingual"),
                (!props.focusable).then_some("term-unmarked"),
            )}
            role="button"
            tabindex={if props.focusable { "0" } else { "-1" }}
            data-term={props.index.to_string()}
            aria-haspopup="dialog"
            aria-expanded={trigger.expanded.to_string()}
            aria-controls={trigger.expanded.then_some(POPOVER_ID)}
            aria-describedby={trigger.expanded.then_some(POPOVER_BODY_ID)}
            ref={trigger.node}
            onpointerdown={trigger.onpointerdown}
            onpointerenter={trigger.onpointerenter}
            onpointerleave={trigger.onpointerleave}
            onfocus={trigger.onfocus}
            onblur={trigger.onblur}
            onclick={trigger.onclick}
            onkeydown={trigger.onkeydown}
        >
            { inner }
        </span>
    }
}
