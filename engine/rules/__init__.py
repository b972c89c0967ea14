"""The rules: one module per part of the agreement, each rule named for its clause."""
