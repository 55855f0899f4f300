#!/usr/bin/env python3
"""The official VQA accuracy (GT-Vision-Lab/VQA vqaEval.py + vqa.py loadRes, commit a013f00), written from
shared/ref/VQA-EVAL.md for parity checks and the benchmark; not copied from the repository.

Python 3 port kept bit-faithful to the Python 2 original:
  - regexes use re.ASCII: under Python 2 with a str pattern, \\d is [0-9];
  - round(x, 2) is Python 2's: half away from zero on the exact binary value (Decimal of the float);
  - periodStrip.sub(..., re.UNICODE) passes 32 as the COUNT argument, as the original does.

usage: vqa_eval_reference.py QUESTIONS ANNOTATIONS RESULTS [OUT.json]
prints (or writes) {"accuracy": {...}, "evalQA": {qid: x}, "seconds": t, "cpu_seconds": c} (loadRes + evaluate)
"""
import copy
import json
import re
import sys
import time
from decimal import Decimal, ROUND_HALF_UP

CONTRACTIONS = {
    "aint": "ain't", "arent": "aren't", "cant": "can't", "couldve": "could've", "couldnt": "couldn't",
    "couldn'tve": "couldn't've", "couldnt've": "couldn't've", "didnt": "didn't", "doesnt": "doesn't",
    "dont": "don't", "hadnt": "hadn't", "hadnt've": "hadn't've", "hadn'tve": "hadn't've", "hasnt": "hasn't",
    "havent": "haven't", "hed": "he'd", "hed've": "he'd've", "he'dve": "he'd've", "hes": "he's", "howd": "how'd",
    "howll": "how'll", "hows": "how's", "Id've": "I'd've", "I'dve": "I'd've", "Im": "I'm", "Ive": "I've",
    "isnt": "isn't", "itd": "it'd", "itd've": "it'd've", "it'dve": "it'd've", "itll": "it'll", "let's": "let's",
    "maam": "ma'am", "mightnt": "mightn't", "mightnt've": "mightn't've", "mightn'tve": "mightn't've",
    "mightve": "might've", "mustnt": "mustn't", "mustve": "must've", "neednt": "needn't", "notve": "not've",
    "oclock": "o'clock", "oughtnt": "oughtn't", "ow's'at": "'ow's'at", "'ows'at": "'ow's'at", "'ow'sat": "'ow's'at",
    "shant": "shan't", "shed've": "she'd've", "she'dve": "she'd've", "she's": "she's", "shouldve": "should've",
    "shouldnt": "shouldn't", "shouldnt've": "shouldn't've", "shouldn'tve": "shouldn't've", "somebody'd": "somebodyd",
    "somebodyd've": "somebody'd've", "somebody'dve": "somebody'd've", "somebodyll": "somebody'll",
    "somebodys": "somebody's", "someoned": "someone'd", "someoned've": "someone'd've", "someone'dve": "someone'd've",
    "someonell": "someone'll", "someones": "someone's", "somethingd": "something'd", "somethingd've": "something'd've",
    "something'dve": "something'd've", "somethingll": "something'll", "thats": "that's", "thered": "there'd",
    "thered've": "there'd've", "there'dve": "there'd've", "therere": "there're", "theres": "there's",
    "theyd": "they'd", "theyd've": "they'd've", "they'dve": "they'd've", "theyll": "they'll", "theyre": "they're",
    "theyve": "they've", "twas": "'twas", "wasnt": "wasn't", "wed've": "we'd've", "we'dve": "we'd've",
    "weve": "we've", "werent": "weren't", "whatll": "what'll", "whatre": "what're", "whats": "what's",
    "whatve": "what've", "whens": "when's", "whered": "where'd", "wheres": "where's", "whereve": "where've",
    "whod": "who'd", "whod've": "who'd've", "who'dve": "who'd've", "wholl": "who'll", "whos": "who's",
    "whove": "who've", "whyll": "why'll", "whyre": "why're", "whys": "why's", "wont": "won't",
    "wouldve": "would've", "wouldnt": "wouldn't", "wouldnt've": "wouldn't've", "wouldn'tve": "wouldn't've",
    "yall": "y'all", "yall'll": "y'all'll", "y'allll": "y'all'll", "yall'd've": "y'all'd've",
    "y'alld've": "y'all'd've", "y'all'dve": "y'all'd've", "youd": "you'd", "youd've": "you'd've",
    "you'dve": "you'd've", "youll": "you'll", "youre": "you're", "youve": "you've"}
MANUAL_MAP = {'none': '0', 'zero': '0', 'one': '1', 'two': '2', 'three': '3', 'four': '4', 'five': '5',
              'six': '6', 'seven': '7', 'eight': '8', 'nine': '9', 'ten': '10'}
ARTICLES = ['a', 'an', 'the']
PERIOD_STRIP = re.compile(r"(?!<=\d)(\.)(?!\d)", re.ASCII)
COMMA_STRIP = re.compile(r"(\d)(\,)(\d)", re.ASCII)
PUNCT = [';', r"/", '[', ']', '"', '{', '}', '(', ')', '=', '+', '\\', '_', '-', '>', '<', '@', '`', ',', '?', '!']
RE_UNICODE_AS_COUNT = 32  # re.UNICODE's value, passed positionally as count in the original


def py2round(x, n=2):
    return float(Decimal(x).quantize(Decimal(1).scaleb(-n), rounding=ROUND_HALF_UP))


def process_punctuation(in_text):
    out_text = in_text
    for p in PUNCT:
        if (p + ' ' in in_text or ' ' + p in in_text) or (re.search(COMMA_STRIP, in_text) is not None):
            out_text = out_text.replace(p, '')
        else:
            out_text = out_text.replace(p, ' ')
    out_text = PERIOD_STRIP.sub("", out_text, RE_UNICODE_AS_COUNT)
    return out_text


def process_digit_article(in_text):
    out_text = []
    for word in in_text.lower().split():
        word = MANUAL_MAP.setdefault(word, word)
        if word not in ARTICLES:
            out_text.append(word)
    for word_id, word in enumerate(out_text):
        if word in CONTRACTIONS:
            out_text[word_id] = CONTRACTIONS[word]
    return ' '.join(out_text)


def load_res(questions, annotations, res_file):
    """vqa.py loadRes: header keys copied, results must be a list covering exactly the annotation ids."""
    for key in ('info', 'task_type', 'data_type', 'data_subtype', 'license'):
        copy.deepcopy(questions[key])
    anns = json.load(open(res_file))
    assert type(anns) == list, 'results is not an array of objects'
    ann_ids = [ann['question_id'] for ann in anns]
    assert set(ann_ids) == set(a['question_id'] for a in annotations['annotations']), \
        'Results do not correspond to current VQA set.'
    qqa = {q['question_id']: q for q in questions['questions']}
    for ann in anns:
        if questions['task_type'] == 'Multiple Choice':
            assert ann['answer'] in qqa[ann['question_id']]['multiple_choices'], \
                'predicted answer is not one of the multiple choices'
    return {ann['question_id']: ann for ann in anns}  # createIndex: the last entry of a repeated id wins


def evaluate(annotations, res):
    gts = {a['question_id']: a for a in annotations['annotations']}
    ques_ids = [a['question_id'] for a in annotations['annotations']]
    acc_qa, acc_ques_type, acc_ans_type, eval_qa = [], {}, {}, {}
    for ques_id in ques_ids:
        for ans_dic in gts[ques_id]['answers']:
            ans_dic['answer'] = ans_dic['answer'].replace('\n', ' ').replace('\t', ' ').strip()
        res_ans = res[ques_id]['answer'].replace('\n', ' ').replace('\t', ' ').strip()
        gt_acc = []
        gt_answers = [ans['answer'] for ans in gts[ques_id]['answers']]
        if len(set(gt_answers)) > 1:
            for ans_dic in gts[ques_id]['answers']:
                ans_dic['answer'] = process_digit_article(process_punctuation(ans_dic['answer']))
            res_ans = process_digit_article(process_punctuation(res_ans))
        for gt_ans_datum in gts[ques_id]['answers']:
            other_gt_ans = [item for item in gts[ques_id]['answers'] if item != gt_ans_datum]
            matching_ans = [item for item in other_gt_ans if item['answer'] == res_ans]
            gt_acc.append(min(1, float(len(matching_ans)) / 3))
        ques_type = gts[ques_id]['question_type']
        ans_type = gts[ques_id]['answer_type']
        avg_gt_acc = float(sum(gt_acc)) / len(gt_acc)
        acc_qa.append(avg_gt_acc)
        acc_ques_type.setdefault(ques_type, []).append(avg_gt_acc)
        acc_ans_type.setdefault(ans_type, []).append(avg_gt_acc)
        eval_qa[ques_id] = py2round(100 * avg_gt_acc)
    accuracy = {
        'overall': py2round(100 * float(sum(acc_qa)) / len(acc_qa)),
        'perQuestionType': {t: py2round(100 * float(sum(v)) / len(v)) for t, v in acc_ques_type.items()},
        'perAnswerType': {t: py2round(100 * float(sum(v)) / len(v)) for t, v in acc_ans_type.items()},
    }
    return accuracy, eval_qa


def main(argv):
    questions = json.load(open(argv[1]))
    annotations = json.load(open(argv[2]))
    start, cpu_start = time.perf_counter(), time.process_time()
    res = load_res(questions, annotations, argv[3])
    accuracy, eval_qa = evaluate(annotations, res)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    out = json.dumps({'accuracy': accuracy, 'evalQA': {str(k): v for k, v in eval_qa.items()},
                      'seconds': seconds, 'cpu_seconds': cpu})
    if len(argv) > 4:
        with open(argv[4], 'w') as f:
            f.write(out)
    else:
        print(out)


if __name__ == '__main__':
    main(sys.argv)
