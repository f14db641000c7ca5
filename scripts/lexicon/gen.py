#!/usr/bin/env python3
"""Generate corpus/sv/data/lexicon.bin.gz, the Swedish lexicon styrdok ships.

Sources (see corpus/sv/data/SOURCES.md):
  * hunspell-sv (Debian package hunspell-sv, LGPL-3): word list expanded to
    full forms with `unmunch` (package hunspell-tools); compound flags of the
    .dic file give the parts that may begin a compound.
  * Riksdag word and word-pair frequencies (Källa: Sveriges riksdag),
    ../shared/data/lexicon/riksdag-{words,pairs}.tsv.gz.

Usage: python3 scripts/lexicon/gen.py [--dic /usr/share/hunspell/sv_SE.dic]
       [--freq DIR] [--out corpus/sv/data/lexicon.bin.gz]

File format (gzip): "SVLEX2\n", then uvarint N, then N word records sorted
by byte value: prefix length shared with the previous word (1 byte), the
rest of the word, 0x00, flags (1 byte), uvarint frequency. Then uvarint F
and F fold records sorted by folded spelling: shared prefix length, rest,
0x00, uvarint entry index. Then uvarint P and P pair records
"a b\tcount\n" as text.
Flags: 1 = a word on its own, 2 = may begin a compound, 4 = from hunspell,
8 = may end a compound (a form of an entry with hunspell's COMPOUNDEND flag).
"""
import argparse, gzip, os, subprocess, sys, tempfile

WORD, BEGIN, HUNSPELL, END = 1, 2, 4, 8


def uvarint(n):
    out = bytearray()
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


FOLD = str.maketrans({'å': 'a', 'ä': 'a', 'á': 'a', 'à': 'a', 'ö': 'o', 'é': 'e', 'è': 'e'})


def fold(w):
    """Must agree with sv.Fold in corpus/sv/lexicon_fold.go."""
    return w.lower().translate(FOLD)


def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, '..', '..'))
    ap.add_argument('--dic', default='/usr/share/hunspell/sv_SE.dic')
    ap.add_argument('--freq', default=os.path.normpath(os.path.join(root, '..', 'shared', 'data', 'lexicon')))
    ap.add_argument('--out', default=os.path.join(root, 'corpus', 'sv', 'data', 'lexicon.bin.gz'))
    ap.add_argument('--min-riksdag', type=int, default=3,
                    help='a word only in the Riksdag counts must be seen this often to be a word')
    a = ap.parse_args()
    aff = a.dic[:-4] + '.aff'

    flags = {}  # word -> flags

    def add(w, f):
        flags[w] = flags.get(w, 0) | f

    # 1. hunspell: drop forbidden entries (%), remember compound parts.
    keep = []
    needaffix = set()
    onlycpd = set()  # ONLYINCOMPOUND entries: not words on their own
    with open(a.dic, encoding='utf-8') as fh:
        lines = fh.read().split('\n')
    for line in lines[1:]:
        if not line.strip():
            continue
        word, _, fl = line.partition('/')
        if '%' in fl:
            continue
        if '¤' in fl:
            needaffix.add(word)
        if 'Z' in fl:
            onlycpd.add(word)
        if ('X' in fl or 'U' in fl) and not word.endswith('-'):
            add(word, BEGIN | HUNSPELL)
        keep.append(line)
    def unmunch(entries):
        with tempfile.NamedTemporaryFile('w', suffix='.dic', delete=False, encoding='utf-8') as tmp:
            tmp.write('%d\n' % len(entries))
            tmp.write('\n'.join(entries) + '\n')
        try:
            return subprocess.run(['unmunch', tmp.name, aff], check=True, capture_output=True).stdout.decode('utf-8')
        finally:
            os.unlink(tmp.name)

    out = unmunch(keep)
    # Forms of entries flagged COMPOUNDEND (Y) may end a compound.
    for form in unmunch([e for e in keep if 'Y' in e.partition('/')[2]]).split('\n'):
        word = form.strip().partition('/')[0]
        if word and not word.endswith('-'):
            add(word, END)
    bare = {}  # how often unmunch printed each form without flags
    for form in out.split('\n'):
        form = form.strip()
        if not form:
            continue
        word, _, fl = form.partition('/')
        if word.endswith('-'):
            if len(word) > 1:
                add(word[:-1], BEGIN | HUNSPELL)
            continue
        if not word or any(c.isspace() for c in word):
            continue
        f = HUNSPELL
        if 'X' in fl or 'U' in fl:
            f |= BEGIN
        if not fl:
            bare[word] = bare.get(word, 0) + 1
        add(word, f)
    # unmunch prints each dictionary entry once as it is, then its affixed
    # forms: an ONLYINCOMPOUND or NEEDAFFIX entry is a word only when some
    # other entry also produces it.
    for word, n in bare.items():
        if word in onlycpd or word in needaffix:
            n -= 1
        if n > 0:
            add(word, WORD)

    # 2. Riksdag frequencies. Counts of a lower-case entry include its
    # capitalised and upper-case spellings; a proper noun keeps its own.
    freq = {}
    raw = {}
    with gzip.open(os.path.join(a.freq, 'riksdag-words.tsv.gz'), 'rt', encoding='utf-8') as fh:
        for line in fh:
            w, _, c = line.rstrip('\n').partition('\t')
            if w and c.isdigit():
                raw[w] = raw.get(w, 0) + int(c)
    # The Riksdag texts hold some OCR misprints ("pä", "inle", "oeh"): a
    # word hunspell lacks is not taken as a word when one letter changed or
    # dropped gives a hunspell word seen ten times as often.
    lower_counts = {}
    for w, c in raw.items():
        lower_counts[w.lower()] = lower_counts.get(w.lower(), 0) + c

    def misprint(w, c):
        for i in range(len(w)):
            d = w[:i] + w[i + 1:]
            if d and d in flags and lower_counts.get(d, 0) >= 10 * c:
                return True
            for ch in 'abcdefghijklmnopqrstuvwxyzåäöé':
                v = w[:i] + ch + w[i + 1:]
                if v != w and v in flags and flags[v] & WORD and lower_counts.get(v, 0) >= 10 * c:
                    return True
        return False

    for w, c in raw.items():
        lw = w.lower()
        if lw in flags and flags[lw] & WORD:
            target = lw
        elif w in flags and flags[w] & WORD:
            target = w
        elif lw in flags:
            target = lw  # hunspell has it only as a compound part
        elif w[:1].upper() + w[1:].lower() in flags:
            target = w[:1].upper() + w[1:].lower()
        else:
            target = lw if w == lw or w.isupper() or raw.get(lw, 0) >= c else w
            if c >= a.min_riksdag and any(ch.isalpha() for ch in target) and not misprint(lw, c):
                add(target, WORD)
            else:
                add(target, 0)
        freq[target] = freq.get(target, 0) + c

    words = sorted(flags, key=lambda s: s.encode('utf-8'))
    body = bytearray(b'SVLEX2\n')
    body += uvarint(len(words))
    prev = b''
    for w in words:
        b = w.encode('utf-8')
        n = 0
        m = min(len(prev), len(b), 255)
        while n < m and prev[n] == b[n]:
            n += 1
        body.append(n)
        body += b[n:]
        body.append(0)
        body.append(flags[w])
        body += uvarint(freq.get(w, 0))
        prev = b

    # Fold index: the folded spelling (lower case, å/ä -> a, ö -> o,
    # é -> e) of every entry with å, ä, ö or é, sorted, with the entry's
    # index, so that the loader needs no sorting.
    index = {w: i for i, w in enumerate(words)}
    folds = sorted(((fold(w).encode('utf-8'), index[w]) for w in words if any(c in 'åäöéÅÄÖÉ' for c in w)))
    body += uvarint(len(folds))
    prev = b''
    for b, i in folds:
        n = 0
        m = min(len(prev), len(b), 255)
        while n < m and prev[n] == b[n]:
            n += 1
        body.append(n)
        body += b[n:]
        body.append(0)
        body += uvarint(i)
        prev = b

    pairs = []
    with gzip.open(os.path.join(a.freq, 'riksdag-pairs.tsv.gz'), 'rt', encoding='utf-8') as fh:
        for line in fh:
            p, _, c = line.rstrip('\n').partition('\t')
            if ' ' in p and c.isdigit():
                pairs.append((p, int(c)))
    pairs.sort()
    body += uvarint(len(pairs))
    for p, c in pairs:
        body += ('%s\t%d\n' % (p, c)).encode('utf-8')

    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    with open(a.out, 'wb') as fh:
        fh.write(gzip.compress(bytes(body), compresslevel=9, mtime=0))
    print('%d words (%d standalone), %d pairs, %d bytes raw -> %s' % (
        len(words), sum(1 for w in words if flags[w] & WORD), len(pairs), len(body), a.out), file=sys.stderr)


if __name__ == '__main__':
    main()
