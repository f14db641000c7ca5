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


if __name__ == '__main__':
    main()
