"""Pictures drawn from query results as SVG: the stance matrix, who criticizes whom, and a
claim's timeline. No database and no click here: data in, SVG text out.
"""
