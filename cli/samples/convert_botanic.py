#!/usr/bin/env python3
"""Converts the Botanic garden-centre NPS survey (CC0) to the cxkpi CSV format.

Input:  shared/data/botanic_nps/nps.csv (13,954 respondents; see its PROVENANCE.txt)
Output: cli/src/main/resources/samples/botanic.csv.gz

Each respondent gives two survey responses: question "nps" (likelihood to recommend, 1-10)
and question "csat" (satisfaction, 1-10); "NA" becomes a blank answer. The data set has no
timestamps: its undocumented integer column t (0-17) is read as the survey wave and mapped to
consecutive ISO weeks from Monday 2019-01-07, noon UTC, plus the row's index in seconds so that
rows keep their order. The 18 respondents whose t is NA have no time, so they cannot be placed in
a window: they are left out here, and the script says how many on standard error. Channel
"store", stage post-purchase, touchpoint "store-visit".
Attributes: visits (NbPassageKS bucketed 1-4, 5-14, 15+) and basket (CaTicket bucketed).
"""
import csv, gzip, io, sys
from datetime import datetime, timedelta, timezone

src = sys.argv[1] if len(sys.argv) > 1 else "../../../shared/data/botanic_nps/nps.csv"
dst = sys.argv[2] if len(sys.argv) > 2 else "../src/main/resources/samples/botanic.csv.gz"
base = datetime(2019, 1, 7, 12, 0, tzinfo=timezone.utc)

def visits(v):
    if v in ("NA", ""):
        return "unknown"
    n = int(float(v))
    return "1-4" if n < 5 else "5-14" if n < 15 else "15+"

def basket(v):
    if v in ("NA", ""):
        return "unknown"
    x = float(v)
    return "under 10 EUR" if x < 10 else "10-30 EUR" if x < 30 else "30+ EUR"

out = io.StringIO()
w = csv.writer(out, lineterminator="\n")
w.writerow(["kind", "customer_id", "instant", "channel", "stage", "touchpoint", "question",
            "score", "weight", "reason", "case_id", "agent", "resolved", "attr.visits",
            "attr.basket"])
kept = dropped = 0
with open(src, encoding="latin-1", newline="") as f:
    for i, row in enumerate(csv.DictReader(f)):
        if row["t"] == "NA":
            dropped += 1  # no wave, so no instant: no window can hold the answers
            continue
        kept += 1
        t = base + timedelta(weeks=int(row["t"]), seconds=i)
        instant = t.strftime("%Y-%m-%dT%H:%M:%SZ")
        for question, column in (("nps", "nps"), ("csat", "satisfaction")):
            score = row[column]
            w.writerow(["survey", "botanic-" + row["id"], instant, "store", "post-purchase",
                        "store-visit", question, "" if score == "NA" else score, "", "", "", "",
                        "", visits(row["NbPassageKS"]), basket(row["CaTicket"])])
with gzip.GzipFile(dst, "wb", mtime=0) as g:
    g.write(out.getvalue().encode("utf-8"))
print(f"converted {kept:,} respondents ({2 * kept:,} rows); left out {dropped} without a wave "
      f"(column t is NA: no instant to place them in a week)", file=sys.stderr)
