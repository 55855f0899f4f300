#!/usr/bin/env python3
"""Seeded adversarial caption corpus for checking vlsuite's caption metrics against the MS-COCO toolkit.

usage: python3 bench/adversarial_captions.py N SEED OUT_DIR [GLUE]
writes OUT_DIR/refs.json ({"id": [5 refs]}) and OUT_DIR/cands.json ([{"image_id", "caption"}]), the two
shapes both `bin/score --refs --results` and the toolkit's evaluate.py read. Captions mix plain scene words
with fragments that are hard for a PTB tokenizer: tags, quotes, apostrophes, contractions, numbers,
fractions, unicode, emoji, symbols, dashes, brackets, URLs, abbreviations, capitals, very long and empty
captions. GLUE (default 0.25) is the share of fragments glued to the word before them ("road<unk>", "bluewww.x.com"):
the hardest and least realistic cases. Line breaks are left out: the toolkit feeds one caption per line to CoreNLP, so a caption with a
line break other than '\\n' shifts every later caption onto the wrong image there (vlsuite reads it as a space).
"""
import json
import os
import random
import sys

WORDS = ("a man woman dog cat red blue green small large sitting standing on the in of with next to a "
         "table car street road van parked side bus train two three people group playing frisbee field "
         "grass tree white black young boy girl holding umbrella pizza plate kitchen bench park").split()

FRAGMENTS = [
    # tags (CoreNLP keeps SGML-like tags whole)
    "<unk>", "<s>", "</s>", "<UNK>", "<pad>", "<br/>", "<br />", "<a href=\"x\">", "<eos>", "< unk >",
    "<unk><unk>", "x<unk>", "<unk>s", "<3", "a<b", "1<2", "<>", "<<", ">>", "->", "<-", "<i>big</i>",
    "<!-- c -->", "<?xml?>", "<p class=x>", "<unk>.", "(<unk>)", "\"<unk>\"", "<Unk>", "<UNK>-<unk>",
    # quotes
    "\"quoted\"", "'single'", "``tex''", "“curly”", "‘curly’", "«guillemets»", "„low“", "\"", "'", "''",
    "\" a \"", "'' ok ''", "‹x›", "`back`",
    # apostrophes and contractions
    "'10", "'10 boys", "'90s", "'em", "'til", "rock 'n' roll", "dogs'", "o'clock", "ma'am", "y'all",
    "can't", "won't", "isn't", "I'm", "it's", "they'll", "we've", "he'd", "'s", "'S", "Can't", "DON'T",
    "cannot", "gonna", "gotta", "wanna", "'twas", "'cause", "o'neil", "d'arcy", "l'eau", "'1", "'2000",
    "'70", "'a", "'ll", "rock'n'roll", "it’s", "can’t", "'tis", "ain't", "shan't", "'n'", "dog's'",
    "'5 o'clock", "1990's", "80's", "'80's", "james'", "xx'", "'x'",
    # numbers and fractions
    "1,000", "3.5", "10:30", "1/2", "3 1/2", "2nd", "1990s", "-5", "+5", "5%", "$5", "5$", "#1", "1.5.6",
    "12-15", "1-2", "3/4/2020", "10,000,000", ".5", "5.", "0.5%", "$1,000.50", "1st", "2 1/2", "12 3/4",
    "123 1/2", "12345 1/2", "1 1/2/3", "½", "¼", "¾", "⅓", "3½", "4 ½", "1e5", "0x1F", "007", "6'2\"",
    "5'", "10''", "24/7", "9/11", "1:2:3", "3x4", "2×3", "50-50", "1,2,3", "2,5", "100km", "5km/h",
    # unicode letters and marks
    "café", "naïve", "Über", "ÉCOLE", "straße", "İstanbul", "ﬁne", "Ǆ", "日本語", "中文 字", "Москва",
    "ελληνικά", "العربية", "עברית", "हिन्दी", "한국어", "e\u0301", "cafe\u0301", "\u00a0", "a\u00a0b",
    "\u200b", "a\u200bb", "\u00ad", "soft\u00adhyphen", "\ufeff", "ｆｕｌｌ", "１２３", "Ⅻ", "²", "x²",
    "µm", "Å", "ß", "ŉ", "\u2009", "\u3000", "\u202f", "a\u2060b", "\t",
    # emoji and symbols outside the BMP
    "😀", "👍🏽", "❤️", "❤", "🇫🇷", "👨‍👩‍👧", "a😀b", "😀😀", "✓", "★", "☺", "𝔸", "𝟙", "🐶dog",
    # symbols
    "&", "&amp;", "@", "#", "%", "*", "+", "=", "~", "^", "|", "||", "|||", "\\", "/", "//", "°", "±",
    "×", "÷", "©", "®", "™", "§", "¶", "•", "·", "€", "£", "¥", "¢", "₹", "¤", "§5", "a&b", "AT&T",
    "a/b", "a\\b", "x*y", "a+b", "c++", "c#", "f#", "50°c", "a_b", "__", "_", "a=b", "==", "!=", "<=",
    "@user", "#tag", "a.b.c", "...", "..", "....", "!", "!!", "?!", "?", "??", "!?!", ";", ":", ",",
    ",,", ":)", ":-(", ";)", "^_^", "-_-", "…", "¿", "¡", "※", "†", "‡", "‰", "′", "″",
    # dashes
    "-", "--", "---", "—", "–", "‐", "‑", "―", "−", "a-b", "a--b", "a—b", "well-known", "-ish",
    "e-mail", "x-", "-x", "1-", "3-year-old", "and/or",
    # brackets
    "(", ")", "[", "]", "{", "}", "(x)", "[x]", "{x}", "((a))", "(a", "a)", "⟨x⟩", "（x）", "【x】",
    # URLs and e-mail
    "http://example.com", "https://example.com/a?b=c&d=e.", "www.example.org", "bob@example.com",
    "ftp://x.y/z", "example.com", "http://x", "mailto:bob@x.org", "www.a-b.co.uk/path)", "a@b",
    # abbreviations and capitals
    "Mr.", "Mrs.", "Dr.", "St.", "U.S.", "U.S.A.", "e.g.", "i.e.", "a.m.", "p.m.", "etc.", "vs.",
    "No.", "Inc.", "Jan.", "Mt.", "Ft.", "Jr.", "Ph.D.", "A.", "B.C.", "Co.", "Corp.", "Ltd.", "Sgt.",
    "THE DOG", "A Man", "MacDonald", "iPhone", "NASA", "U.K.", "ok.", "Ave.", "Prof.", "Gen.", "fig.",
    "approx.", "Sept.", "Calif.", "Mass.", "Wash.", "Ill.", "Ariz.", "Kan.", "Nev.", "Ore.", "Wis.",
    # end punctuation
    ".", ". .", "end.", "end..", "end?", "end!", "end...", "end?!", "end .", "end,", "end;", "end:",
]


def words(rng, lo, hi):
    return [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]


GLUE = 0.25


def adversarial(rng, base):
    """base words with 1-4 fragments inserted, sometimes glued to a neighbour, sometimes capitalised."""
    w = list(base)
    for _ in range(rng.randint(1, 4)):
        f = rng.choice(FRAGMENTS)
        pos = rng.randint(0, len(w))
        if w and rng.random() < GLUE and pos > 0:
            w[pos - 1] = w[pos - 1] + f  # glued: "road<unk>", "dog's'"
        else:
            w.insert(pos, f)
    s = " ".join(w)
    r = rng.random()
    if r < 0.15:
        s = s.capitalize()
    elif r < 0.2:
        s = s.upper()
    elif r < 0.25:
        s = s.title()
    if rng.random() < 0.1:
        s = "  " + s.replace(" ", rng.choice(["  ", " \t ", "\u00a0"]), 2) + "  "
    return s


def caption(rng, base, adversarial_share):
    r = rng.random()
    if r < 0.01:
        return rng.choice(["", " ", "  ", "\t", ".", "<unk>", "'", "\"", "😀", "-", "...", "'10"])
    if r < 0.02:  # very long
        return " ".join(adversarial(rng, words(rng, 5, 10)) for _ in range(rng.randint(20, 60)))
    if rng.random() < adversarial_share:
        return adversarial(rng, base)
    return " ".join(base)


def main():
    global GLUE
    n, seed, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    if len(sys.argv) > 4:
        GLUE = float(sys.argv[4])
    rng = random.Random(seed)
    refs, cands = {}, []
    for i in range(n):
        scene = words(rng, 4, 12)
        image_id = 100000 + i
        refs[str(image_id)] = [caption(rng, [x for x in scene if rng.random() < 0.85] or scene, 0.5) for _ in range(5)]
        cand_base = [x for x in scene if rng.random() < 0.8] + words(rng, 0, 2)
        cands.append({"image_id": image_id, "caption": caption(rng, cand_base or scene, 0.8)})
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "refs.json"), "w", encoding="utf-8") as f:
        json.dump(refs, f, ensure_ascii=False)
    with open(os.path.join(out, "cands.json"), "w", encoding="utf-8") as f:
        json.dump(cands, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
