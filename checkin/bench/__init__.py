"""The benchmark of DESIGN.md section 7: S and L workspaces measured against baselines."""
