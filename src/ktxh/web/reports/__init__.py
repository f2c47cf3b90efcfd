"""Official documents from the database: the Word báo cáo and kế hoạch, the Excel Biểu 01–02 (issue 7).

The documents are ``ktxh.documents``' (no Django); ``adapter`` fills its dataclasses from one
commune's plan and period, ``models.Narrative`` keeps the officers' own text per section.
"""
