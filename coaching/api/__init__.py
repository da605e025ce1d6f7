"""The REST API (v1): coaching resources, the shared base viewsets and the API plumbing."""
