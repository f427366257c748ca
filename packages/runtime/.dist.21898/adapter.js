//# sourceMappingURL=adapter.js.map
