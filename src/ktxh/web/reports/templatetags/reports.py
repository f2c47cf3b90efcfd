from django import template

from ktxh.web.accounts import permissions as perms
from ktxh.web.accounts.models import Role

from ..adapter import has_document
from ..models import DocumentKind, IssuedDocument

register = template.Library()


@register.inclusion_tag("reports/links.html", takes_context=True)
def document_links(context, unit, plan, period):
    """The download links of the commune page (Word, PDF, Excel), the narrative page's link for those who
    may write, and for the leader "Cấp số" (the register's next number) of the report and of the plan.
    A month or a quarter has no document: a line says which periods have one, instead of links to none."""
    user = context["request"].user
    scope = perms.scope(user)
    issued = {e.kind: e for e in IssuedDocument.objects.filter(unit=unit, period=period)}
    kinds = [{"kind": k.value, "label": k.label, "entry": issued.get(k.value)} for k in DocumentKind]
    return {"unit": unit, "plan": plan, "period": period, "can_write": perms.can_draft_plan(user, unit),
            "can_issue": scope.role == Role.LEADER and perms.in_commune(scope, unit), "kinds": kinds,
            "csrf_token": context.get("csrf_token"), "has_document": has_document(period)}
