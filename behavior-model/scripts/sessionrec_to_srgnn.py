#!/usr/bin/env python3
# Usage: python3 sessionrec_to_srgnn.py ../shared/datasets/yoochoose-100k-sessionrec OUT_DIR
# (reads yoochoose-clicks-100k_train_full.txt and _test.txt; writes OUT_DIR/train_sessions.txt and test.tsv)
# session-rec (SessionId, ItemId, Time) -> SR-GNN text split: train sessions; test (prefix -> next) for every
# prefix of every test session; ids renumbered 1..n in order of first training click; test clicks on items
# unseen in training dropped; sessions shorter than 2 clicks dropped. Repeats are kept.
import collections, csv, os, sys
src, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
def sessions(path):
    s = collections.OrderedDict()
    with open(path) as f:
        r = csv.DictReader(f, delimiter='\t')
        rows = sorted(r, key=lambda x: (float(x['Time'])))
        for x in rows:
            s.setdefault(x['SessionId'], []).append(x['ItemId'])
    return list(s.values())
train = sessions(src + '/yoochoose-clicks-100k_train_full.txt')
test = sessions(src + '/yoochoose-clicks-100k_test.txt')
ids = {}
for s in train:
    for i in s:
        ids.setdefault(i, len(ids) + 1)
with open(out + '/train_sessions.txt', 'w') as f:
    for s in train:
        if len(s) >= 2:
            f.write(','.join(str(ids[i]) for i in s) + '\n')
cases = rep = 0
with open(out + '/test.tsv', 'w') as f:
    f.write('prefix\ttarget\n')
    for s in test:
        s = [ids[i] for i in s if i in ids]
        for k in range(1, len(s)):
            f.write(','.join(map(str, s[:k])) + '\t' + str(s[k]) + '\n')
            cases += 1
            rep += s[k] in s[:k]
print('train sessions', sum(len(s) >= 2 for s in train), 'items', len(ids), 'test cases', cases, 'target already in prefix %.1f%%' % (100.0 * rep / cases))
