//! What sort of thing a term names, guessed from the words that end its
//! English and Chinese names (`…Initiative`/`…倡議`, `…Treaty`/`…條約`), from
//! how it was written (《》 or italics mark a work; lower case marks a common
//! noun) and from a word right after the parenthesis (`（Balikatan）演習`).
//! A guess: `glossary.toml` corrects it where it is wrong.

use super::TermKind;

/// Head words of English names, checked against the last words first.
const EN_HEADS: &[(&str, TermKind)] = &[
    ("initiative", TermKind::Initiative),
    ("mission", TermKind::Initiative),
    ("program", TermKind::Initiative),
    ("programme", TermKind::Initiative),
    ("treaty", TermKind::Agreement),
    ("agreement", TermKind::Agreement),
    ("convention", TermKind::Agreement),
    ("accord", TermKind::Agreement),
    ("pact", TermKind::Agreement),
    ("conduct", TermKind::Agreement),
    ("compact", TermKind::Agreement),
    ("summit", TermKind::Event),
    ("meeting", TermKind::Event),
    ("meetings", TermKind::Event),
    ("conference", TermKind::Event),
    ("talks", TermKind::Event),
    ("workshop", TermKind::Event),
    ("exercise", TermKind::Event),
    ("drill", TermKind::Event),
    ("organization", TermKind::Organisation),
    ("organisation", TermKind::Organisation),
    ("association", TermKind::Organisation),
    ("forum", TermKind::Organisation),
    ("council", TermKind::Organisation),
    ("agency", TermKind::Organisation),
    ("department", TermKind::Organisation),
    ("ministry", TermKind::Organisation),
    ("survey", TermKind::Organisation),
    ("guard", TermKind::Organisation),
    ("secretariat", TermKind::Organisation),
    ("nations", TermKind::Organisation),
    ("union", TermKind::Organisation),
    ("bank", TermKind::Organisation),
    ("office", TermKind::Organisation),
    ("bureau", TermKind::Organisation),
    ("institute", TermKind::Organisation),
    ("dialogue", TermKind::Mechanism),
    ("partnership", TermKind::Mechanism),
    ("partner", TermKind::Mechanism),
    ("mechanism", TermKind::Mechanism),
    ("network", TermKind::Mechanism),
    ("cooperation", TermKind::Mechanism),
    ("framework", TermKind::Mechanism),
    ("trilateral", TermKind::Mechanism),
    ("group", TermKind::Mechanism),
    ("alliance", TermKind::Mechanism),
    ("principles", TermKind::Publication),
    ("declaration", TermKind::Publication),
    ("statement", TermKind::Publication),
    ("report", TermKind::Publication),
    ("corridor", TermKind::Place),
    ("ocean", TermKind::Place),
    ("sea", TermKind::Place),
    ("region", TermKind::Place),
    ("strait", TermKind::Place),
    ("islands", TermKind::Place),
];

/// Head characters of Chinese names, checked as suffixes (longest first).
const ZH_HEADS: &[(&str, TermKind)] = &[
    ("倡議", TermKind::Initiative),
    ("使命", TermKind::Initiative),
    ("計畫", TermKind::Initiative),
    ("條約", TermKind::Agreement),
    ("協議", TermKind::Agreement),
    ("協定", TermKind::Agreement),
    ("公約", TermKind::Agreement),
    ("準則", TermKind::Agreement),
    ("高峰會", TermKind::Event),
    ("峰會", TermKind::Event),
    ("會議", TermKind::Event),
    ("會談", TermKind::Event),
    ("工作坊", TermKind::Event),
    ("演習", TermKind::Event),
    ("軍演", TermKind::Event),
    ("組織", TermKind::Organisation),
    ("聯盟", TermKind::Organisation),
    ("論壇", TermKind::Organisation),
    ("事務局", TermKind::Organisation),
    ("秘書處", TermKind::Organisation),
    ("調查局", TermKind::Organisation),
    ("巡防隊", TermKind::Organisation),
    ("聯合國", TermKind::Organisation),
    ("對話", TermKind::Mechanism),
    ("夥伴關係", TermKind::Mechanism),
    ("夥伴", TermKind::Mechanism),
    ("機制", TermKind::Mechanism),
    ("網絡", TermKind::Mechanism),
    ("網路", TermKind::Mechanism),
    ("合作", TermKind::Mechanism),
    ("集團", TermKind::Mechanism),
    ("觀察團", TermKind::Mechanism),
    ("原則", TermKind::Publication),
    ("聲明", TermKind::Publication),
    ("走廊", TermKind::Place),
    ("地區", TermKind::Place),
    ("海峽", TermKind::Place),
    ("主義", TermKind::Concept),
];

/// Words a name of a person is never made of.
const NOT_NAME_WORDS: &[&str] = &["of", "for", "the", "and", "on", "in", "to", "at"];

/// How the pair was written, beside its two names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Hints<'a> {
    /// The Chinese term stood in 《》 (the title of a work).
    pub(crate) book_quotes: bool,
    /// The Chinese term stood in any quotes (people's names never do).
    pub(crate) quoted: bool,
    /// The English form was in italics (a title or a foreign word).
    pub(crate) italic: bool,
    /// A few characters right after the closing parenthesis.
    pub(crate) after: &'a str,
}

/// Whether an English form reads as a person's name: two to four
/// capitalised words (`Marco Rubio`, `Donald J. Trump`), none of them a head
/// word of an institution or a small word.
pub(crate) fn en_is_person(en: &str) -> bool {
    let words: Vec<&str> = en.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) {
        return false;
    }
    words.iter().all(|w| {
        let lower = w.to_lowercase();
        let mut chars = w.chars();
        let first_upper = chars.next().is_some_and(|c| c.is_uppercase());
        let rest_ok = w
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '.' || c == '\'');
        let initial = w.len() == 2 && w.ends_with('.');
        let lower_rest = chars.clone().any(|c| c.is_lowercase()) || initial;
        first_upper
            && rest_ok
            && lower_rest
            && !NOT_NAME_WORDS.contains(&lower.as_str())
            && !EN_HEADS.iter().any(|(h, _)| *h == lower)
    })
}

/// The kind of a term from its names and how they were written.
pub(crate) fn infer(zh: &str, en: &str, hints: Hints<'_>) -> TermKind {
    let zh_len = zh.chars().count();
    let zh_cjk = zh.chars().all(crate::script::is_han);
    if en_is_person(en) && !hints.quoted && zh_cjk && (2..=4).contains(&zh_len) {
        return TermKind::Person;
    }
    if let Some(k) = en_head(en) {
        return k;
    }
    if let Some(k) = zh_head(zh) {
        return k;
    }
    let lower = en.to_lowercase();
    if hints.book_quotes || hints.italic {
        return TermKind::Publication;
    }
    if !en.chars().any(char::is_uppercase) || lower.ends_with("ism") {
        return TermKind::Concept;
    }
    let after: String = hints.after.chars().take(4).collect();
    for (head, k) in ZH_HEADS {
        if after.contains(head) {
            return *k;
        }
    }
    TermKind::Other
}

fn en_head(en: &str) -> Option<TermKind> {
    let words: Vec<String> = en
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .collect();
    // The last word is the head of an English noun phrase; an earlier head
    // word counts when what follows it is a modifier (`Summit 2025`,
    // `Ministers' Meetings`) or a `for/of` phrase (`Agreement for …`).
    for w in words.iter().rev().take(1) {
        if let Some((_, k)) = EN_HEADS.iter().find(|(h, _)| h == w) {
            return Some(*k);
        }
    }
    let lower = en.to_lowercase();
    for of in [" for ", " of ", " on ", " related "] {
        if let Some(i) = lower.find(of) {
            let before: Vec<&str> = lower[..i].split_whitespace().collect();
            if let Some(last) = before.last() {
                if let Some((_, k)) = EN_HEADS.iter().find(|(h, _)| h == last) {
                    return Some(*k);
                }
            }
        }
    }
    None
}

fn zh_head(zh: &str) -> Option<TermKind> {
    ZH_HEADS
        .iter()
        .filter(|(h, _)| zh.ends_with(h))
        .max_by_key(|(h, _)| h.len())
        .map(|(_, k)| *k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(zh: &str, en: &str) -> TermKind {
        infer(zh, en, Hints::default())
    }

    #[test]
    fn heads_decide() {
        assert_eq!(
            k("四方關鍵礦產倡議", "Quad Critical Minerals Initiative"),
            TermKind::Initiative
        );
        assert_eq!(
            k("核武不擴散條約", "Non-Proliferation Treaty"),
            TermKind::Agreement
        );
        assert_eq!(k("大衛營高峰會", "Camp David Summit"), TermKind::Event);
        assert_eq!(
            k("美國地質調查局", "U.S. Geological Survey"),
            TermKind::Organisation
        );
        assert_eq!(
            k("三邊安全對話", "Trilateral Security Dialogue"),
            TermKind::Mechanism
        );
        assert_eq!(
            k(
                "海軍核動力推進合作協議",
                "Agreement for Cooperation Related to Naval Nuclear Propulsion"
            ),
            TermKind::Agreement
        );
    }

    #[test]
    fn people_and_concepts() {
        assert_eq!(k("魯比歐", "Marco Rubio"), TermKind::Person);
        assert_eq!(k("川普", "Donald J. Trump"), TermKind::Person);
        assert_eq!(k("小多邊主義", "mini-lateralism"), TermKind::Concept);
        assert_eq!(k("臨界質量", "critical mass"), TermKind::Concept);
        let quoted = Hints {
            quoted: true,
            ..Hints::default()
        };
        assert_ne!(
            infer("東方之盾", "Oriental Shield", quoted),
            TermKind::Person
        );
        assert!(!en_is_person("Pacific Islands Forum"));
        assert!(!en_is_person("Talisman Sabre 2025"));
    }

    #[test]
    fn hints_break_ties() {
        let after = Hints {
            quoted: true,
            after: "演習；5 月",
            ..Hints::default()
        };
        assert_eq!(infer("肩並肩", "Balikatan", after), TermKind::Event);
        let book = Hints {
            book_quotes: true,
            quoted: true,
            ..Hints::default()
        };
        assert_eq!(
            infer("大衛營精神", "Spirit of Camp David", book),
            TermKind::Publication
        );
    }
}
