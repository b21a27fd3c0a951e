"""Reading plan documents and extracting plans, tasks, agencies and legal acts."""
