"""Map extracted tables to the ActionPlan schema: headings, leads, dates, status."""

from .plan import build_plan

__all__ = ["build_plan"]
