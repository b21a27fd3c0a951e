"""The analyst's workbench: `plangraph serve`, a local web app over one read-only store.

Ask a canned question through a form, see the answer as a table and a graph, follow names to
their pages and tasks to the lines of the plan they were read from, download the answer.
`app.create_app` builds the ASGI app (Starlette + Jinja2, served by uvicorn).
"""
