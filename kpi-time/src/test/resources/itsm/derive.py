#!/usr/bin/env python3
"""Derives itsm_last_events.csv and the expected figures of ItsmResolutionTest from the
ServiceNow event log head (see NOTICE). Run: python3 derive.py PATH/incident_event_log_head6k.csv
"""
import csv, math, sys
from datetime import datetime, timezone

src = sys.argv[1]
rows = list(csv.DictReader(open(src, newline='')))
last = {}
for r in rows:  # the last event of an incident is its highest sys_mod_count
    k = r['number']
    if k not in last or int(r['sys_mod_count']) >= int(last[k]['sys_mod_count']):
        last[k] = r
cols = ['number', 'incident_state', 'reopen_count', 'sys_mod_count', 'made_sla', 'caller_id',
        'contact_type', 'priority', 'opened_at', 'resolved_at', 'closed_at']
with open('itsm_last_events.csv', 'w', newline='') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(cols)
    for k in sorted(last):
        w.writerow([last[k][c] for c in cols])

def t(s):
    return datetime.strptime(s, '%d-%m-%Y %H:%M').replace(tzinfo=timezone.utc)

secs, met = [], 0
for r in last.values():
    if r['incident_state'] != 'Closed' or r['resolved_at'] == '?':
        continue
    secs.append(int((t(r['resolved_at']) - t(r['opened_at'])).total_seconds()))
    met += r['made_sla'] == 'TRUE'
secs.sort()
n = len(secs)
print('incidents', len(last), 'closed with a resolution', n)
print('mean seconds', repr(sum(secs) / n), 'sum', sum(secs))
m = sum(secs) / n
print('sd', repr(math.sqrt(sum((x - m) ** 2 for x in secs) / (n - 1))))
for q in (0.5, 0.9, 0.95, 0.99):
    print('q', q, 'rank', max(1, math.ceil(q * n)), 'seconds', secs[max(1, math.ceil(q * n)) - 1])
print('min', secs[0], 'max', secs[-1])
for h in (24, 72):
    print('within', h, 'h', sum(1 for x in secs if x <= h * 3600))
print('made_sla TRUE', met, 'of', n)
