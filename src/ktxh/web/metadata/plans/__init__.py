"""Fields (lĩnh vực), indicators, plans, their targets and key tasks."""
