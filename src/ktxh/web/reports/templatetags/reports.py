from django import template

from ktxh.web.accounts import permissions as perms

register = template.Library()


@register.inclusion_tag("reports/links.html", takes_context=True)
def document_links(context, unit, plan, period):
    """The download links of the commune page, and the narrative page's link for those who may write."""
    user = context["request"].user
    return {"unit": unit, "plan": plan, "period": period, "can_write": perms.can_draft_plan(user, unit)}
