//! Script classes of characters: the one definition the glossary, search, the
//! app and the CLI share, so they agree on what is Chinese, what is a word
//! character of a spaced script, and what takes two columns. Every range
//! covers the astral planes too (CJK Extension B and later live at U+20000
//! and above).

/// A Han ideograph: the unified ideographs (BMP and Extensions A–H),
/// compatibility ideographs, and 〇. The glossary's "Chinese character".
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}'
        | '〇')
}

/// Whether the text holds a Han ideograph (a Chinese form rather than an
/// English one).
pub fn has_han(text: &str) -> bool {
    text.chars().any(is_han)
}

/// A character of a script written without spaces between words: Han,
/// kana, Hangul, Bopomofo, CJK radicals. Search matches such text anywhere,
/// not only at word starts.
pub fn is_unspaced(c: char) -> bool {
    is_han(c)
        || matches!(c as u32,
            0x2E80..=0x2FDF | 0x3040..=0x30FF | 0x3100..=0x312F | 0x3190..=0x31FF
            | 0xAC00..=0xD7AF)
}

/// A letter or digit of a script written with spaces between words (Latin,
/// Greek, Cyrillic, …): what a word is made of for word-start matching.
pub fn is_spaced_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_unspaced(c)
}

/// Whether a character takes two columns in a terminal: East Asian wide and
/// full-width characters (Hangul Jamo, CJK, Hangul syllables, full-width
/// forms, and the astral ideographs).
pub fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

/// Terminal columns of a string ([`is_wide`] characters count twice).
pub fn display_width(s: &str) -> usize {
    s.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_in_every_plane() {
        // BMP, Extension A, compatibility, Extension B (astral), 〇.
        for c in ['四', '㐀', '豈', '𠀀', '𪛖', '〇'] {
            assert!(is_han(c), "{c}");
            assert!(is_unspaced(c), "{c}");
            assert!(is_wide(c), "{c}");
            assert!(!is_spaced_word_char(c), "{c}");
        }
        assert!(has_han("Quad 四方"));
        assert!(has_han("𠀀"));
        assert!(!has_han("Quad, AUKUS"));
    }

    #[test]
    fn kana_and_hangul_are_unspaced_but_not_han() {
        for c in ['か', 'カ', '한', 'ㄅ'] {
            assert!(!is_han(c), "{c}");
            assert!(is_unspaced(c), "{c}");
            assert!(!is_spaced_word_char(c), "{c}");
        }
    }

    #[test]
    fn spaced_scripts_and_punctuation() {
        for c in ['Q', 'é', '7', 'Ж', 'λ'] {
            assert!(is_spaced_word_char(c), "{c}");
            assert!(!is_unspaced(c) && !is_wide(c), "{c}");
        }
        for c in ['，', '。', '（', '「'] {
            assert!(!is_han(c) && !is_spaced_word_char(c), "{c}");
            assert!(is_wide(c), "{c}");
        }
        for c in [',', ' ', '-', '('] {
            assert!(!is_han(c) && !is_spaced_word_char(c) && !is_wide(c), "{c}");
        }
        assert_eq!(display_width("Quad 四方𠀀"), 5 + 6);
    }
}
