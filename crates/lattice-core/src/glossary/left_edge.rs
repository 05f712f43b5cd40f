//! Where a Chinese term begins, given where it ends (right before its English
//! form in parentheses). Chinese has no spaces, so the parenthesis says where
//! the term ends but not where it starts: `國務卿魯比歐(Marco Rubio)` defines
//! 魯比歐, `根據美國地質調查局(U.S. Geological Survey)` defines 美國地質調查局.
//!
//! The evidence, strongest first:
//! 1. quotes: a term in 「」《》 is exactly what they hold;
//! 2. hard boundaries: punctuation, digits, Latin text, the start of the text;
//! 3. function words, determiners and common verbs that introduce a name
//!    (`自`, `與`, `的`, `根據`, `針對`, `加入`, `各種`) — except conjunctions
//!    and enumeration commas the English form itself has (`research,
//!    development, test and evaluation` keeps `研究、發展、測試與評估` whole);
//! 4. for people, titles (`國務卿`, `外長`, `總理`) and how often each
//!    shorter ending of the name occurs elsewhere in the corpus (`美國川普`:
//!    川普 is used alone many times, so the name is 川普);
//! 5. the English form's leading place word (`U.S.` → 美國) when the span
//!    was only cut by the window, a function word or a verb.

use crate::script::is_han;

/// The longest unquoted term considered, in characters.
const MAX_UNQUOTED: usize = 16;
/// The longest quoted term considered, in characters.
const MAX_QUOTED: usize = 60;

/// Single characters that end the phrase before a term: particles,
/// prepositions, conjunctions, copulas, adverbs.
const FUNCTION_CHARS: &[char] = &[
    '的', '之', '與', '和', '及', '或', '在', '於', '自', '由', '對', '向', '從', '以', '為', '是',
    '將', '被', '把', '讓', '使', '即', '並', '而', '但', '也', '亦', '又', '再', '就', '則', '乃',
    '係', '如', '至', '到', '給', '跟', '據', '依', '藉', '稱', '往', '其', '此', '該', '各', '每',
    '這', '那',
];

/// Two-character words that begin with a function character but are content
/// words, so the character is not a boundary there (`對話`, `自由`).
const COMPOUNDS: &[&str] = &[
    "對話", "對抗", "對等", "自由", "自主", "自衛", "自治", "自然", "由來", "和平", "和解", "以色",
    "為期", "及時", "在地", "將軍", "是非", "從事", "而言", "並行", "即時", "如何", "之後", "之間",
    "經濟", "經貿", "依賴", "其他", "該國", "前任", "後勤", "任務", "同盟", "有效", "此外", "向量",
    "與會", "至上", "到位", "使命", "稱號", "各國", "各方", "往來", "這些", "那些", "被動", "讓步",
    "據點", "藉口", "給予", "跟進", "再生", "就業", "則例", "乃至", "係數", "亦即", "也許", "但書",
];

/// Multi-character words that end the phrase before a term: prepositions,
/// determiners and verbs that introduce names.
const BOUNDARY_WORDS: &[&str] = &[
    "根據", "依據", "針對", "關於", "對於", "透過", "通過", "藉由", "經由", "加入", "參加", "參與",
    "出席", "觀摩", "訪問", "成立", "建立", "發起", "推動", "舉行", "接替", "轉任", "擔任", "兼任",
    "會見", "簽訂", "宣布", "提出", "稱為", "名為", "所謂", "包括", "包含", "例如", "以及", "作為",
    "視為", "各種", "諸多", "許多", "若干", "所有", "這些", "那些", "一個", "一項", "一種", "時任",
    "現任", "前任", "新任", "首任", "歷任", "時期", "期間", "主導",
];

/// Titles that stand before a person's name (`國務卿魯比歐`).
const TITLES: &[&str] = &[
    "國務卿",
    "副總統",
    "總統",
    "總理",
    "首相",
    "外長",
    "外相",
    "部長",
    "次長",
    "大使",
    "議長",
    "主席",
    "署長",
    "顧問",
    "秘書長",
    "司令",
    "總督",
    "國王",
    "女王",
    "議員",
    "法官",
    "教授",
    "博士",
    "先生",
    "女士",
    "將軍",
    "官員",
    "特使",
    "代表",
    "領袖",
    "元首",
    "省長",
    "市長",
    "州長",
];

/// Leading English place words and the Chinese they stand for.
const LEAD_PLACES: &[(&str, &[&str])] = &[
    ("u.s.", &["美國"]),
    ("us", &["美國"]),
    ("united states", &["美國"]),
    ("american", &["美國"]),
    ("japan", &["日本"]),
    ("japanese", &["日本"]),
    ("india", &["印度"]),
    ("indian", &["印度"]),
    ("australia", &["澳洲", "澳大利亞"]),
    ("australian", &["澳洲", "澳大利亞"]),
    ("china", &["中國"]),
    ("chinese", &["中國"]),
    ("korea", &["韓國"]),
    ("south korea", &["韓國", "南韓"]),
    ("indo-pacific", &["印太"]),
    ("europe", &["歐洲"]),
    ("european", &["歐洲"]),
];

/// Digits are followed by these units (`2007 年`); a unit that starts a span is
/// the tail of a date or count, not of a term.
const UNITS: &[char] = &[
    '年', '月', '日', '號', '次', '屆', '個', '項', '名', '位', '國', '倍',
];

/// What the left edge is told about the pair.
#[derive(Clone, Copy, Debug)]
pub(crate) struct EnglishSide<'a> {
    /// The English form without the abbreviation.
    pub(crate) en: &'a str,
    /// Whether it reads as a person's name.
    pub(crate) person: bool,
}

/// How the term was delimited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Quotes {
    /// Not quoted.
    None,
    /// 「」, 『』, “” and the like.
    Plain,
    /// 《》 or 〈〉: the title of a work.
    Book,
}

/// The Chinese term ending at `end` (exclusive) in `chars`: its start, its
/// end (inside the quotes when quoted) and how it was quoted. `count` says
/// how often a string occurs in the corpus.
pub(crate) fn find(
    chars: &[char],
    end: usize,
    english: EnglishSide<'_>,
    count: &dyn Fn(&str) -> usize,
) -> Option<(usize, usize, Quotes)> {
    let mut e = end.min(chars.len());
    while e > 0 && matches!(chars[e - 1], ' ' | '\u{3000}' | '\u{a0}') {
        e -= 1;
    }
    if e == 0 {
        return None;
    }
    if let Some((open, kind)) = closing_quote(chars[e - 1]) {
        let close = e - 1;
        let start = (0..close)
            .rev()
            .take(MAX_QUOTED)
            .take_while(|&i| !matches!(chars[i], '。' | '\n'))
            .find(|&i| chars[i] == open)?;
        let inner = &chars[start + 1..close];
        return (!inner.is_empty() && inner.iter().any(|&c| is_han(c))).then_some((
            start + 1,
            close,
            kind,
        ));
    }
    let (s, hard) = scan(chars, e, english.en);
    let mut s = skip_units(chars, s);
    // A start found by a hard boundary is certain; one found by a function
    // word or the window may still hold words before the name.
    let mut soft = !hard;
    if let Some(c) = cut_at_boundary(chars, s, e, english) {
        s = c;
        soft = true;
    }
    if english.person {
        s = person_start(chars, s, e, count);
    } else {
        if soft {
            s = align_lead_place(chars, s, e, english.en);
        }
        if !english.en.chars().any(char::is_uppercase) {
            s = skip_quantity(chars, s, e);
        }
    }
    (e - s >= 2).then_some((s, e, Quotes::None))
}

/// The opening partner of a closing quote, and the sort of quote.
fn closing_quote(c: char) -> Option<(char, Quotes)> {
    match c {
        '」' => Some(('「', Quotes::Plain)),
        '』' => Some(('『', Quotes::Plain)),
        '”' => Some(('“', Quotes::Plain)),
        '’' => Some(('‘', Quotes::Plain)),
        '》' => Some(('《', Quotes::Book)),
        '〉' => Some(('〈', Quotes::Book)),
        _ => None,
    }
}

/// Go left over CJK characters up to a hard boundary; the enumeration commas
/// (、) the English form accounts for are crossed. Returns the start and
/// whether a hard boundary (rather than the length limit) stopped it.
fn scan(chars: &[char], e: usize, en: &str) -> (usize, bool) {
    let mut commas = en.matches(", ").count();
    let mut s = e;
    while s > 0 && e - s < MAX_UNQUOTED {
        let c = chars[s - 1];
        if is_han(c) {
            s -= 1;
        } else if c == '、' && commas > 0 && s < e {
            commas -= 1;
            s -= 1;
        } else if matches!(c, '—' | '·' | '・') && s < e && s >= 2 && is_han(chars[s - 2]) {
            s -= 1;
        } else {
            return (s, true);
        }
    }
    (s, s == 0)
}

/// A span that starts with a unit right after a number (`年東協區域論壇` in
/// `2007 年東協區域論壇`) starts after the unit.
fn skip_units(chars: &[char], s: usize) -> usize {
    if s < chars.len() && UNITS.contains(&chars[s]) {
        let before = chars[..s].iter().rev().find(|c| !c.is_whitespace());
        if before.is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十兩百千".contains(*c))
        {
            return s + 1;
        }
    }
    s
}

/// A common noun is not named with its count: `兩大支柱（pillars）` defines 支柱.
fn skip_quantity(chars: &[char], s: usize, e: usize) -> usize {
    let numeral = |c: char| "一二三四五六七八九十兩數多".contains(c);
    let classifier = |c: char| "大個項種類名位條".contains(c);
    if e - s >= 4 && numeral(chars[s]) && classifier(chars[s + 1]) {
        s + 2
    } else {
        s
    }
}

/// The rightmost boundary word inside `[s, e)` that leaves a term of at least
/// two characters after it; the term starts after it.
fn cut_at_boundary(chars: &[char], s: usize, e: usize, english: EnglishSide<'_>) -> Option<usize> {
    let lower = english.en.to_lowercase();
    let mut ands = lower.matches(" and ").count() + lower.matches(" & ").count();
    // p: where the term would start; the boundary word ends at p.
    let mut p = e.checked_sub(2)?;
    while p > s {
        let before: String = chars[s..p].iter().collect();
        let next = chars[p];
        let word = BOUNDARY_WORDS
            .iter()
            .copied()
            .chain(if english.person { TITLES } else { &[] }.iter().copied())
            .filter(|w| before.ends_with(w))
            .max_by_key(|w| w.len());
        if word.is_some() {
            return Some(p);
        }
        let c = chars[p - 1];
        if FUNCTION_CHARS.contains(&c) {
            let pair: String = [c, next].iter().collect();
            let conj = matches!(c, '與' | '和' | '及');
            if COMPOUNDS.contains(&pair.as_str()) {
                // part of a word: not a boundary
            } else if conj && ands > 0 {
                ands -= 1;
            } else {
                return Some(p);
            }
        }
        p -= 1;
    }
    None
}

/// Whether `text` ends with a function word, boundary word or title, so what
/// follows it starts a new phrase.
pub(crate) fn ends_with_boundary(text: &str) -> bool {
    text.ends_with(FUNCTION_CHARS)
        || BOUNDARY_WORDS
            .iter()
            .chain(TITLES)
            .any(|w| text.ends_with(w))
}

/// A person's name is a short transliteration: the span's last four
/// characters at most, and a shorter ending of them when that ending stands
/// alone in the corpus more often (`美國川普` → 川普, used alone throughout).
fn person_start(chars: &[char], s: usize, e: usize, count: &dyn Fn(&str) -> usize) -> usize {
    let lo = s.max(e.saturating_sub(4));
    let form = |start: usize| chars[start..e].iter().collect::<String>();
    let mut best = (count(&form(lo)), lo);
    for start in lo + 1..=e.saturating_sub(2) {
        let n = count(&form(start));
        if n > best.0 {
            best = (n, start);
        }
    }
    best.1
}

/// When the English form begins with a place (`U.S. Coast Guard`) and the
/// span holds that place's Chinese name after some other words, the term
/// starts at the place name.
fn align_lead_place(chars: &[char], s: usize, e: usize, en: &str) -> usize {
    let lower = en.to_lowercase();
    let span: String = chars[s..e].iter().collect();
    for (lead, zh) in LEAD_PLACES {
        let leads = lower.starts_with(lead) && lower[lead.len()..].starts_with([' ', '-']);
        if !leads {
            continue;
        }
        for z in *zh {
            if span.starts_with(z) {
                return s;
            }
            if let Some(byte) = span.find(z) {
                return s + span[..byte].chars().count();
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(text: &str, en: &str) -> Option<String> {
        let chars: Vec<char> = text.chars().collect();
        let end = chars.iter().position(|&c| c == '(' || c == '（').unwrap();
        let english = EnglishSide {
            en,
            person: super::super::kind::en_is_person(en),
        };
        let count = |f: &str| text.matches(f).count();
        find(&chars, end, english, &count).map(|(s, e, _)| chars[s..e].iter().collect())
    }

    #[test]
    fn units_after_numbers_are_not_terms() {
        assert_eq!(
            term(
                "會議於 2007 年東協區域論壇 (ASEAN Regional Forum)",
                "ASEAN Regional Forum"
            )
            .as_deref(),
            Some("東協區域論壇")
        );
    }

    #[test]
    fn compounds_keep_their_function_characters() {
        assert_eq!(
            term("列入安全對話(Security Dialogue)", "Security Dialogue").as_deref(),
            Some("列入安全對話")
        );
        assert_eq!(
            term("日本的自衛隊(Self-Defense Forces)", "Self-Defense Forces").as_deref(),
            Some("自衛隊")
        );
    }

    #[test]
    fn nothing_before_the_parenthesis() {
        assert_eq!(term("(Quad)", "Quad"), None);
        assert_eq!(term("。(Quad)", "Quad"), None);
        assert_eq!(term("」(Quad)", "Quad"), None);
    }
}
