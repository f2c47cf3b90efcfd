"""The KTXH web application: a Django project inside the package.

One Django app per area: ``units`` (administrative units and their lineage), ``plans``
(fields, indicators, plans, targets, key tasks), ``tracking`` (periods, actuals, the
enter → submit → approve workflow and its audit trail) and ``accounts`` (roles, the one
permissions module, API tokens). ``api`` is the JSON API; ``importer`` brings a plan or
report read by ``ktxh.reader`` in as a draft; ``demo`` loads the five seed wards.
"""
