#!/usr/bin/env python3
"""How many OCR errata of seeds 000 and 003 a cleaner fixes.

Usage: python3 scripts/lexicon/errata_score.py [-v] -- COMMAND [ARG ...]

COMMAND gets a seed on stdin and prints the cleaned text. Words are
whitespace-separated runs. The seed and the gold corrected text
(../shared/data/gold-dev/corrected/) are aligned word by word; every gold
word the seed got wrong is an erratum, fixed when the cleaner's output
aligns the same gold word exactly. Also reports gold words that were right
in the seed and wrong in the output (broken).
"""
import difflib, os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, '..', '..'))
gold = os.path.normpath(os.path.join(root, '..', 'shared', 'data', 'gold-dev', 'corrected'))


def right(src, ref):
    """Indexes of ref words that src reproduces in an optimal-ish alignment."""
    sm = difflib.SequenceMatcher(None, src, ref, autojunk=False)
    ok = set()
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == 'equal':
            ok.update(range(j1, j2))
    return ok


def main():
    args = sys.argv[1:]
    verbose = '-v' in args[:args.index('--')] if '--' in args else False
    cmd = args[args.index('--') + 1:] if '--' in args else ['cat']
    tot_err = tot_fix = tot_broke = 0
    for name in sorted(os.listdir(gold)):
        seed = open(os.path.join(root, 'corpus', 'seeds', name), encoding='utf-8').read()
        ref = open(os.path.join(gold, name), encoding='utf-8').read().split()
        out = subprocess.run(cmd, input=seed.encode(), capture_output=True).stdout.decode('utf-8', 'replace').split()
        was = right(seed.split(), ref)
        now = right(out, ref)
        errs = [j for j in range(len(ref)) if j not in was]
        fixed = [j for j in errs if j in now]
        broke = [j for j in was if j not in now]
        tot_err += len(errs); tot_fix += len(fixed); tot_broke += len(broke)
        print('%s: errata %d, fixed %d (%.1f%%), broken %d' % (name, len(errs), len(fixed), 100.0 * len(fixed) / max(1, len(errs)), len(broke)))
        if verbose:
            sm = difflib.SequenceMatcher(None, out, ref, autojunk=False)
            for tag, i1, i2, j1, j2 in sm.get_opcodes():
                if tag != 'equal':
                    print('   %-40s => %s' % (' '.join(ref[j1:j2])[:40], ' '.join(out[i1:i2])[:60]))
    print('total: errata %d, fixed %d (%.1f%%), broken %d' % (tot_err, tot_fix, 100.0 * tot_fix / max(1, tot_err), tot_broke))
    by_type(cmd, verbose)


def by_type(cmd, verbose):
    """Per errata.tsv row: on each listed seed line, is the noisy token gone
    and the corrected one there? Only for outputs that keep the seed's
    lines (the diacritics fix alone does)."""
    import collections, re
    rows = [l.rstrip('\n').split('\t') for l in open(os.path.join(gold, '..', 'errata.tsv'), encoding='utf-8')][1:]
    outs = {}
    for name in sorted(os.listdir(gold)):
        seed = open(os.path.join(root, 'corpus', 'seeds', name), encoding='utf-8').read()
        out = subprocess.run(cmd, input=seed.encode(), capture_output=True).stdout.decode('utf-8', 'replace')
        if out.count('\n') != seed.count('\n'):
            print('(%s: line structure changed, no per-type figures)' % name)
            return
        outs[name] = out.split('\n')
    tot = collections.Counter()
    fix = collections.Counter()
    for r in rows:
        name, noisy, corr, _, typ, lines = r[:6]
        kind = 'diacritic/char' if re.search('diacritic|char_misread|extra_char', typ) else 'other'
        for ln in lines.split(','):
            if not ln.strip().isdigit():
                continue
            line = outs[name][int(ln) - 1]
            tot[kind] += 1
            has = lambda w: re.search(r'(?<![\w\uFFFD#&¢{|])' + re.escape(w) + r'(?![\w\uFFFD#&¢{|])', line)
            if has(corr) and not (noisy != corr and has(noisy)):
                fix[kind] += 1
            elif verbose:
                print('   unfixed %s:%s %s -> %s (%s)' % (name[:3], ln, noisy, corr, typ))
    for k in sorted(tot):
        print('errata %-15s %4d occurrences, fixed %4d (%.1f%%)' % (k, tot[k], fix[k], 100.0 * fix[k] / max(1, tot[k])))


if __name__ == '__main__':
    main()
