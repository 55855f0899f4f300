#!/usr/bin/env python3
"""Reference for the parity test: the official R2R evaluation (Matterport3DSimulator tasks/R2R/eval.py and
utils.load_nav_graphs) written from ../shared/ref/R2R-EVAL.md, without networkx (Dijkstra by hand).

usage: r2r_eval_reference.py CONNECTIVITY_DIR RESULTS_JSON EPISODES_JSON...
prints JSON: {"summary": {...}, "nav_errors": [...], "oracle_errors": [...], "trajectory_lengths": [...],
              "shortest_path_lengths": [...]}  or {"error": "<exception type>"} where the official code raises.
"""
import heapq
import json
import sys

import numpy as np


def load_nav_graph(path):
    """utils.load_nav_graphs for one scan: {node: {neighbour: weight}}, nodes only through edges."""
    def distance(p1, p2):
        return ((p1['pose'][3] - p2['pose'][3]) ** 2 + (p1['pose'][7] - p2['pose'][7]) ** 2
                + (p1['pose'][11] - p2['pose'][11]) ** 2) ** 0.5
    with open(path) as f:
        data = json.load(f)
    graph = {}
    for i, item in enumerate(data):
        if item['included']:
            for j, conn in enumerate(item['unobstructed']):
                if conn and data[j]['included']:
                    assert data[j]['unobstructed'][i], 'Graph should be undirected'
                    w = distance(item, data[j])
                    graph.setdefault(item['image_id'], {})[data[j]['image_id']] = w
                    graph.setdefault(data[j]['image_id'], {})[item['image_id']] = w
    return graph


def all_pairs_dijkstra(graph):
    out = {}
    for source in graph:
        dist = {}
        heap = [(0.0, source)]
        while heap:
            d, v = heapq.heappop(heap)
            if v in dist:
                continue
            dist[v] = d
            for n, w in graph[v].items():
                if n not in dist:
                    heapq.heappush(heap, (d + w, n))
        out[source] = dist
    return out


class Evaluation(object):
    def __init__(self, conn_dir, episode_files):
        self.error_margin = 3.0
        self.gt = {}
        self.instr_ids = []
        self.scans = []
        for f in episode_files:
            with open(f) as fh:
                for item in json.load(fh):
                    self.gt[item['path_id']] = item
                    self.scans.append(item['scan'])
                    self.instr_ids += ['%d_%d' % (item['path_id'], i) for i in range(3)]
        self.scans = set(self.scans)
        self.instr_ids = set(self.instr_ids)
        self.graphs = {s: load_nav_graph('%s/%s_connectivity.json' % (conn_dir, s)) for s in self.scans}
        self.distances = {s: all_pairs_dijkstra(g) for s, g in self.graphs.items()}

    def _get_nearest(self, scan, goal_id, path):
        near_id = path[0][0]
        near_d = self.distances[scan][near_id][goal_id]
        for item in path:
            d = self.distances[scan][item[0]][goal_id]
            if d < near_d:
                near_id = item[0]
                near_d = d
        return near_id

    def _score_item(self, instr_id, path):
        gt = self.gt[int(instr_id.split('_')[0])]
        start = gt['path'][0]
        assert start == path[0][0], 'Result trajectories should include the start position'
        goal = gt['path'][-1]
        final_position = path[-1][0]
        nearest_position = self._get_nearest(gt['scan'], goal, path)
        self.scores['nav_errors'].append(self.distances[gt['scan']][final_position][goal])
        self.scores['oracle_errors'].append(self.distances[gt['scan']][nearest_position][goal])
        distance = 0
        prev = path[0]
        for curr in path[1:]:
            if prev[0] != curr[0]:
                self.graphs[gt['scan']][prev[0]][curr[0]]   # KeyError for a non-edge
            distance += self.distances[gt['scan']][prev[0]][curr[0]]
            prev = curr
        self.scores['trajectory_lengths'].append(distance)
        self.scores['shortest_path_lengths'].append(self.distances[gt['scan']][start][goal])

    def score(self, output_file):
        self.scores = {'nav_errors': [], 'oracle_errors': [], 'trajectory_lengths': [], 'shortest_path_lengths': []}
        instr_ids = set(self.instr_ids)
        with open(output_file) as f:
            for item in json.load(f):
                if item['instr_id'] in instr_ids:
                    instr_ids.remove(item['instr_id'])
                    self._score_item(item['instr_id'], item['trajectory'])
        assert len(instr_ids) == 0, 'Trajectories not provided for %d instruction ids' % len(instr_ids)
        assert len(self.scores['nav_errors']) == len(self.instr_ids)
        num_successes = len([i for i in self.scores['nav_errors'] if i < self.error_margin])
        oracle_successes = len([i for i in self.scores['oracle_errors'] if i < self.error_margin])
        spls = []
        for err, length, sp in zip(self.scores['nav_errors'], self.scores['trajectory_lengths'],
                                   self.scores['shortest_path_lengths']):
            if err < self.error_margin:
                spls.append(sp / max(length, sp))
            else:
                spls.append(0)
        score_summary = {
            'length': np.average(self.scores['trajectory_lengths']),
            'nav_error': np.average(self.scores['nav_errors']),
            'oracle success_rate': float(oracle_successes) / float(len(self.scores['oracle_errors'])),
            'success_rate': float(num_successes) / float(len(self.scores['nav_errors'])),
            'spl': np.average(spls),
        }
        assert score_summary['spl'] <= score_summary['success_rate']
        return score_summary, self.scores


def main():
    conn_dir, results, episodes = sys.argv[1], sys.argv[2], sys.argv[3:]
    try:
        summary, scores = Evaluation(conn_dir, episodes).score(results)
    except (KeyError, AssertionError, ZeroDivisionError) as e:
        print(json.dumps({'error': type(e).__name__}))
        return
    out = {'summary': {k: float(v) for k, v in summary.items()}}
    out.update({k: [float(x) for x in v] for k, v in scores.items()})
    print(json.dumps(out))


if __name__ == '__main__':
    main()
