/** First letters of the first and last words: "Nadia Ait Ahmed" -> "NA". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  const letters = words.length === 1 ? [words[0]!] : [words[0]!, words[words.length - 1]!];
  return letters.map((w) => [...w][0]!.toLocaleUpperCase()).join('');
}
