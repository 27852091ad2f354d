// A person's name shown to the public in part only (the certificate verification page of
// 六(五)): enough to match the paper certificate in the holder's hand, not enough to identify
// a stranger. The surname stays, the given name is masked except its last character:
// 张*明, 张* (two characters), 欧阳*明 / 欧阳* (compound surnames), 阿**·***提 (names with a dot).

/**
 * Two-character surnames (复姓) common enough to matter, by the 《百家姓》 list and the
 * Korean-Chinese surnames of 延边 (南宫, 皇甫, 鲜于). A name starting with one of these keeps both
 * characters as its surname only when a given name follows (欧阳明 → 欧阳*).
 */
export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳', '太史', '端木', '上官', '司马', '东方', '独孤', '南宫', '万俟', '闻人', '夏侯', '诸葛', '尉迟', '公羊',
  '赫连', '澹台', '皇甫', '宗政', '濮阳', '公冶', '太叔', '申屠', '公孙', '慕容', '仲孙', '钟离', '长孙', '宇文',
  '司徒', '鲜于', '司空', '闾丘', '子车', '亓官', '司寇', '巫马', '公西', '颛孙', '壤驷', '公良', '漆雕', '乐正',
  '宰父', '谷梁', '拓跋', '夹谷', '轩辕', '令狐', '段干', '百里', '呼延', '东郭', '南门', '羊舌', '微生', '公户',
  '公玉', '公仪', '梁丘', '公仲', '公上', '公门', '公山', '公坚', '左丘', '公伯', '西门', '公祖', '第五', '公乘',
  '贯丘', '公皙', '南荣', '东里', '东宫', '仲长', '子书', '子桑', '即墨', '达奚', '褚师',
];

const COMPOUND = new Set(COMPOUND_SURNAMES);
const MASK = '*';
// Separators of transcribed names (维吾尔族、外国人姓名): the middle dot and its look-alikes.
const NAME_DOTS = /[·•‧・.．]/;

function maskPart(characters: string[], keepFirst: boolean, keepLast: boolean): string {
  return characters
    .map((character, index) => ((keepFirst && index === 0) || (keepLast && index === characters.length - 1) ? character : MASK))
    .join('');
}

/** The name with the given name masked but for its last character (张*明, 张*, 欧阳*明, 张**明). */
export function maskPersonName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (!trimmed) return '';
  if (NAME_DOTS.test(trimmed)) {
    // 阿依古丽·买买提 → 阿***·***提: the first character of the first part and the last of the last
    const parts = trimmed.split(NAME_DOTS);
    return parts
      .map((part, index) => maskPart([...part], index === 0, index === parts.length - 1 && parts.length > 1))
      .join('·');
  }
  const characters = [...trimmed];
  if (/^[\p{Script=Latin}\s'-]+$/u.test(trimmed)) {
    // a Latin-script name: first and last letter, spaces kept
    return characters.map((character, index) => (character === ' ' || index === 0 || index === characters.length - 1 ? character : MASK)).join('');
  }
  if (characters.length === 1) return MASK;
  const surnameLength = characters.length >= 3 && COMPOUND.has(characters.slice(0, 2).join('')) ? 2 : 1;
  const given = characters.slice(surnameLength);
  const maskedGiven = given.length === 1 ? MASK : maskPart(given, false, true);
  return characters.slice(0, surnameLength).join('') + maskedGiven;
}
