//# sourceMappingURL=plan.js.map
