// The floor's whole layout: title and rendered Markdown, nothing else.
export const render = ({ title, content }) => `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1>${content}</body></html>`;
