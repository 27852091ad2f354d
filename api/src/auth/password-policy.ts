import { Injectable } from '@nestjs/common';
import { PASSWORD_MAX_LENGTH, passwordProblem, PUBLISHED_PASSWORDS, type PasswordOwner } from '@registry/domain';
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEnglish from '@zxcvbn-ts/language-en';

/** zxcvbn's scale: 3 = "safely unguessable" (about 10^8 guesses and more). */
export const MIN_PASSWORD_SCORE = 3;

/** Words anyone guessing at this registry tries first. */
const REGISTRY_WORDS = ['jilin', 'changchun', 'registry', 'coordinator', 'xietiaoyuan', 'laodong', 'sanfang', 'admin', 'password', ...PUBLISHED_PASSWORDS];

const PATTERN_REASONS: Record<string, string> = {
  repeat: '含有重复的字符',
  sequence: '含有连续的字母或数字',
  spatial: '含有键盘上相邻的字符',
  date: '含有日期',
};

// The password rule every way a password is set (changing one's own, creating an account, an
// administrator's reset): the class rules of libs/domain, then zxcvbn-ts's strength estimate with
// its common-password, name and word lists and the owner's username and name as known words,
// score ≥ 3. The reason is in Chinese for the form.
@Injectable()
export class PasswordPolicy {
  private estimator: ZxcvbnFactory | null = null;

  /** null when `password` may be set for `owner`, otherwise the reason in Chinese. */
  problem(password: string, owner: PasswordOwner = {}): string | null {
    const rule = passwordProblem(password, owner);
    if (rule) return rule;
    const userInputs = [owner.username, owner.displayName, ...REGISTRY_WORDS].filter((word): word is string => Boolean(word?.trim()));
    const result = this.estimate().check(password, userInputs);
    if (result.score >= MIN_PASSWORD_SCORE) return null;
    return `密码太容易被猜到（强度 ${result.score}/4，至少 ${MIN_PASSWORD_SCORE}）${weakness(result)}，请换用更长、更不规则的密码`;
  }

  private estimate(): ZxcvbnFactory {
    // the dictionaries take a moment to load: once, on the first password set
    this.estimator ??= new ZxcvbnFactory({
      dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEnglish.dictionary },
      graphs: zxcvbnCommon.adjacencyGraphs,
      translations: zxcvbnEnglish.translations,
      // the l33t variants tried per word: the default (100) costs ~6x the CPU for nearly the same scores
      l33tMaxSubstitutions: 5,
      maxLength: PASSWORD_MAX_LENGTH,
    });
    return this.estimator;
  }
}

/** What made it guessable, from the matched patterns: '：是常见密码' … or ''. */
function weakness(result: ZxcvbnResult): string {
  const reasons = new Set<string>();
  for (const match of result.sequence) {
    if (match.pattern === 'dictionary') {
      const name = String((match as { dictionaryName?: string }).dictionaryName ?? '');
      reasons.add(name === 'userInputs' ? '含有用户名、姓名或本系统常用词' : name.startsWith('passwords') ? '是常见密码或其变形' : '含有常见单词或人名');
    } else if (PATTERN_REASONS[match.pattern]) {
      reasons.add(PATTERN_REASONS[match.pattern]);
    }
  }
  return reasons.size ? `：${[...reasons].join('、')}` : '';
}
