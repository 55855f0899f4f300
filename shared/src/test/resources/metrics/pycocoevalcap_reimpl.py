# Independent re-implementation of pycocoevalcap's bleu_scorer.py, rouge.py, cider_scorer.py (throwaway).
import json, math, random, sys
from collections import defaultdict
import numpy as np

def precook(s, n=4):
    words = s.split()
    counts = defaultdict(int)
    for k in range(1, n+1):
        for i in range(len(words)-k+1):
            counts[tuple(words[i:i+k])] += 1
    return len(words), counts

def bleu(gts, res, n=4):
    tiny, small = 1e-15, 1e-9
    tot = {'testlen':0,'reflen':0,'guess':[0]*n,'correct':[0]*n}
    per = [[] for _ in range(n)]
    for i in gts:
        reflen = []; maxcounts = {}
        for ref in gts[i]:
            rl, counts = precook(ref, n); reflen.append(rl)
            for ng, c in counts.items(): maxcounts[ng] = max(maxcounts.get(ng, 0), c)
        testlen, counts = precook(res[i][0], n)
        rl = min((abs(l-testlen), l) for l in reflen)[1]
        guess = [max(0, testlen-k+1) for k in range(1, n+1)]
        correct = [0]*n
        for ng, c in counts.items(): correct[len(ng)-1] += min(maxcounts.get(ng, 0), c)
        tot['testlen'] += testlen; tot['reflen'] += rl
        for k in range(n): tot['guess'][k] += guess[k]; tot['correct'][k] += correct[k]
        b = 1.
        for k in range(n):
            b *= (float(correct[k]) + tiny) / (float(guess[k]) + small)
            per[k].append(b ** (1./(k+1)))
        ratio = (testlen + tiny) / (rl + small)
        if ratio < 1:
            for k in range(n): per[k][-1] *= math.exp(1 - 1/ratio)
    bleus = []; b = 1.
    for k in range(n):
        b *= float(tot['correct'][k] + tiny) / (tot['guess'][k] + small)
        bleus.append(b ** (1./(k+1)))
    ratio = (tot['testlen'] + tiny) / (tot['reflen'] + small)
    if ratio < 1:
        for k in range(n): bleus[k] *= math.exp(1 - 1/ratio)
    return bleus, per

def my_lcs(string, sub):
    if len(string) < len(sub): sub, string = string, sub
    lengths = [[0 for i in range(0, len(sub)+1)] for j in range(0, len(string)+1)]
    for j in range(1, len(sub)+1):
        for i in range(1, len(string)+1):
            if string[i-1] == sub[j-1]: lengths[i][j] = lengths[i-1][j-1] + 1
            else: lengths[i][j] = max(lengths[i-1][j], lengths[i][j-1])
    return lengths[len(string)][len(sub)]

def rouge(gts, res, beta=1.2):
    scores = []
    for i in gts:
        token_c = res[i][0].split(" ")
        prec, rec = [], []
        for ref in gts[i]:
            token_r = ref.split(" ")
            l = my_lcs(token_r, token_c)
            prec.append(l/float(len(token_c))); rec.append(l/float(len(token_r)))
        pm, rm = max(prec), max(rec)
        scores.append(((1 + beta**2)*pm*rm)/float(rm + beta**2*pm) if pm != 0 and rm != 0 else 0.0)
    return float(np.mean(np.array(scores))), scores

def cider(gts, res, n=4, sigma=6.0):
    crefs = [[precook(r, n)[1] for r in gts[i]] for i in gts]
    ctest = [precook(res[i][0], n)[1] for i in gts]
    df = defaultdict(float)
    for refs in crefs:
        for ng in set(ng for ref in refs for ng in ref): df[ng] += 1
    ref_len = np.log(float(len(crefs)))
    def vec(cnts):
        v = [defaultdict(float) for _ in range(n)]; norm = [0.0]*n; length = 0
        for ng, tf in cnts.items():
            d = np.log(max(1.0, df[ng])); k = len(ng)-1
            v[k][ng] = float(tf)*(ref_len - d); norm[k] += pow(v[k][ng], 2)
            if k == 1: length += tf
        return v, [np.sqrt(x) for x in norm], length
    def sim(vh, vr, nh, nr, lh, lr):
        delta = float(lh - lr); val = np.array([0.0]*n)
        for k in range(n):
            for ng in vh[k]: val[k] += min(vh[k][ng], vr[k][ng]) * vr[k][ng]
            if nh[k] != 0 and nr[k] != 0: val[k] /= (nh[k]*nr[k])
            val[k] *= np.e**(-(delta**2)/(2*sigma**2))
        return val
    scores = []
    for test, refs in zip(ctest, crefs):
        v, nm, l = vec(test); s = np.array([0.0]*n)
        for ref in refs:
            vr, nr, lr = vec(ref); s += sim(v, vr, nm, nr, l, lr)
        a = np.mean(s); a /= len(refs); a *= 10.0; scores.append(float(a))
    return float(np.mean(np.array(scores))), scores

if __name__ == '__main__':
    rnd = random.Random(20240601)
    nouns = "man woman dog cat horse bus train pizza table street kite surfboard wave bench bird".split()
    adjs = "a an the red small large young old two white black".split()
    verbs = "riding sitting standing holding eating walking flying looking playing".split()
    preps = "on in with near next to of at under".split()
    def cap():
        if rnd.random() < 0.6:
            return " ".join(["a", rnd.choice(adjs[4:8]), rnd.choice(nouns[:5]), rnd.choice(verbs[:4]), rnd.choice(preps[:3]),
                             "the", rnd.choice(nouns[5:10])][:rnd.choice([2, 4, 7, 7, 7])])
        L = rnd.choice([1, 2, 3, 5, 8, 10, 12, 15])
        w = []
        for _ in range(L):
            r = rnd.random()
            w.append(rnd.choice(nouns if r < .35 else adjs if r < .6 else verbs if r < .8 else preps))
        return " ".join(w)
    gts, res = {}, {}
    for i in range(50):
        iid = str(100 + i)
        gts[iid] = [cap() for _ in range(rnd.choice([1, 3, 5]))]
        res[iid] = [cap() if i % 10 else ""]
    gts["150"] = ["3\u00a01/2 feet tall", "a 3 1/2 foot dog"]; res["150"] = ["3\u00a01/2 foot tall dog"]
    gts["151"] = ["-lrb- a -rrb- dog dog dog"]; res["151"] = ["dog dog dog dog dog dog"]
    b, bp = bleu(gts, res); r, rp = rouge(gts, res); c, cp = cider(gts, res)
    ids = list(gts)
    out = {"refs": gts, "cands": {k: v[0] for k, v in res.items()},
           "corpus": {"Bleu_1": b[0], "Bleu_2": b[1], "Bleu_3": b[2], "Bleu_4": b[3], "ROUGE_L": r, "CIDEr": c},
           "per_image": {iid: {"Bleu_1": bp[0][j], "Bleu_2": bp[1][j], "Bleu_3": bp[2][j], "Bleu_4": bp[3][j],
                               "ROUGE_L": rp[j], "CIDEr": cp[j]} for j, iid in enumerate(ids)}}
    # sanity: the toolkit's published example
    pb, _ = bleu({"1": ["this is a test", "this is also a test"]}, {"1": ["this is a good test"]})
    pr, _ = rouge({"1": ["this is a test", "this is also a test"]}, {"1": ["this is a good test"]})
    print(pb, pr, file=sys.stderr)
    json.dump(out, open(sys.argv[1], "w"), indent=1, ensure_ascii=False)
