#!/usr/bin/env python3
"""Converts the ServiceNow incident event log (see kpi-time/src/test/resources/itsm/NOTICE.txt,
CC BY 4.0) into cxkpi case rows: one 'closed' case event per incident, at its last event,
with its opening, its resolution and its made_sla flag.

Run: python3 convert_itsm.py incident_event_log_head6k.csv | gzip -9 -n > ../src/main/resources/samples/itsm.csv.gz
(the CLI's --sample itsm)
"""
import csv, sys
from datetime import datetime

def iso(s):
    return datetime.strptime(s, '%d-%m-%Y %H:%M').strftime('%Y-%m-%dT%H:%M:00Z')

last = {}
for r in csv.DictReader(open(sys.argv[1], newline='')):
    k = r['number']
    if k not in last or int(r['sys_mod_count']) >= int(last[k]['sys_mod_count']):
        last[k] = r
w = csv.writer(sys.stdout, lineterminator='\n')
w.writerow(['kind', 'customer_id', 'instant', 'channel', 'case_id', 'status', 'opened', 'solved',
            'reopen_count', 'within_sla', 'attr.priority'])
for k in sorted(last):
    r = last[k]
    if r['incident_state'] != 'Closed':
        continue
    w.writerow(['case', r['caller_id'], iso(r['closed_at']), r['contact_type'].lower(), k,
                'closed', iso(r['opened_at']),
                '' if r['resolved_at'] == '?' else iso(r['resolved_at']), r['reopen_count'],
                r['made_sla'].lower(), r['priority']])
