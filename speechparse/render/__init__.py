"""Renderers: functions of the model (Document → str); they never call the parser."""
