"""Legal acts: citations by number, acts cited by name, programmes, links between acts."""
