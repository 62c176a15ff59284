"""The load park's rules plus the demo rules that apply to its points (those that select points by kind or take all
points; those naming the demo's own points or tanks cannot). Usage: with-demo-rules.py LOAD_RULES DEMO_RULES OUT"""
import sys
import yaml

load = yaml.safe_load(open(sys.argv[1]))
demo = yaml.safe_load(open(sys.argv[2]))
kept = [r for r in demo["rules"] if "points" not in r.get("match", {}) and "tank" not in r.get("match", {})]
yaml.safe_dump({"rules": load["rules"] + kept}, open(sys.argv[3], "w"), allow_unicode=True, sort_keys=False)
