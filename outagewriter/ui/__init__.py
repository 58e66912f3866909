"""The desktop window: Qt widgets that show core objects and forward what the user asks for.

No business rules live here: values are checked by `core.fields`, findings come from
`core.checks` and `core.grammar`, what recipients get comes from `core.render`.
"""
