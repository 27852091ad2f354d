import { PUBLISHED_PASSWORDS } from '@registry/domain';
import { DEMO_PASSWORD } from '../database/demo/demo-accounts';
import { PasswordPolicy } from './password-policy';

describe('PasswordPolicy', () => {
  const policy = new PasswordPolicy();

  it('refuses the weak passwords that passed the class rules, with a Chinese reason', () => {
    for (const password of ['Password1', 'Password#1', 'Aaaaaaa1', 'Aaaaaaa#1', 'P@ssw0rd#1', 'Jilin#2021demo', 'Chaoyang#2024', ' Spaced#Out2025']) {
      expect({ password, problem: policy.problem(password, { username: 'chaoyang', displayName: '朝阳区办公室' }) }).toEqual({
        password,
        problem: expect.stringMatching(/[\u4e00-\u9fff]/),
      });
    }
  });

  it('knows the published demo password', () => {
    expect(PUBLISHED_PASSWORDS).toContain(DEMO_PASSWORD);
  });

  it('accepts strong passwords, those the test suites set among them', () => {
    for (const password of ['Kestrel#Moss4417', 'Better#2025x', 'Initial#2025', 'Province#Office2025x', 'Third#2025x', 'Second#Round2025', 'Choose#AStrong1']) {
      expect({ password, problem: policy.problem(password, { username: 'history.user' }) }).toEqual({ password, problem: null });
    }
  });
});
