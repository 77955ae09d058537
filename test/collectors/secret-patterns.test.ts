import { describe, expect, it } from 'vitest';
import { hasAutoStop, scanForSecrets } from '../../src/inventory/collectors/secret-patterns.js';

const kinds = (script: string): string[] => scanForSecrets(script).map((m) => m.kind);

describe('scanForSecrets', () => {
  it.each([
    ['an access key id', 'export AWS_ACCESS_KEY_ID=AKIA2OGYBAH6XYZ4QW7M', 'AWS access key id'],
    ['a temporary access key id', 'aws configure set aws_access_key_id ASIA2OGYBAH6XYZ4QW7M', 'AWS access key id'],
    ['a secret key in a credentials file', 'aws_secret_access_key = 9drTJvcXLB89EXAMPLEkey/Z1x2c3v4b5n6m7QWe', 'AWS secret access key'],
    ['a secret key set with aws configure', 'aws configure set aws_secret_access_key 9drTJvcXLB89EXAMPLEkey/Z1x2c3v4b5n6m7QWe', 'AWS secret access key'],
    ['a secret key exported in quotes', 'export AWS_SECRET_ACCESS_KEY="9drTJvcXLB89EXAMPLEkey/Z1x2c3v4b5n6m7QWe"', 'AWS secret access key'],
    ['an RSA private key', '-----BEGIN RSA PRIVATE KEY-----', 'private key block'],
    ['an OpenSSH private key', 'cat > ~/.ssh/id_ed25519 <<EOF\n-----BEGIN OPENSSH PRIVATE KEY-----', 'private key block'],
    ['a PKCS#8 private key', '-----BEGIN PRIVATE KEY-----', 'private key block'],
    ['a quoted password', 'export DB_PASSWORD="Pr0d-Passw0rd!"', 'password assignment'],
    ['an unquoted password', 'PGPASSWORD=hunter2024 psql -h warehouse', 'password assignment'],
    ['a password in JSON', '{"username": "etl", "password": "s3cr3t-value"}', 'password assignment'],
    ['a token', "GITHUB_TOKEN='ghp_16C7e42F292c6912E7710c838347Ae178B4a'", 'token assignment'],
    ['a client secret', 'client_secret: 8Q~fake.Value-9xYz', 'secret assignment'],
    ['an API key', 'export WANDB_API_KEY=0123456789abcdef0123456789abcdef01234567', 'secret assignment'],
  ])('finds %s', (_what, script, kind) => {
    expect(kinds(script)).toEqual([kind]);
  });

  it.each([
    ['an environment reference', 'export DB_PASSWORD=$PASSWORD'],
    ['a braced reference', 'PASSWORD="${DB_PASSWORD}"'],
    ['a quoted reference', 'password="$PASSWORD"'],
    ['a command substitution', 'TOKEN=$(aws secretsmanager get-secret-value --secret-id ml/token --query SecretString --output text)'],
    ['the IMDSv2 token fetch', 'TOKEN=`curl -X PUT "http://169.254.169.254/latest/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 21600"`'],
    ['the IMDSv2 token header', 'curl -H "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/'],
    ['a template placeholder', 'password: "{{secrets.db_password}}"'],
    ['a Python format placeholder', 'password=%(password)s'],
    ['a Python variable', 'password = db_password'],
    ['a Python lookup', 'token = os.environ["HF_TOKEN"]'],
    ['a function call', 'password=get_secret("warehouse")'],
    ['a getpass prompt', 'password = getpass.getpass()'],
    ['an empty Jupyter token', "c.NotebookApp.token = ''"],
    ['a placeholder word', 'password="changeme"'],
    ['masked characters', 'password="********"'],
    ['a short value', 'pwd=abc'],
    ['the documented example access key', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE'],
    ['the documented example secret key', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    ['a public key', '-----BEGIN PUBLIC KEY-----'],
    ['a secret key from the environment', 'AWS_SECRET_ACCESS_KEY=$SECRET'],
  ])('ignores %s', (_what, script) => {
    expect(scanForSecrets(script)).toEqual([]);
  });

  it('reports each kind once per line, with 1-based line numbers, and never the value', () => {
    const script = [
      '#!/bin/bash',
      'set -e',
      'export AWS_ACCESS_KEY_ID=AKIA2OGYBAH6XYZ4QW7M AWS_SECRET_ACCESS_KEY=9drTJvcXLB89EXAMPLEkey/Z1x2c3v4b5n6m7QWe',
      'echo done',
      'MLFLOW_TRACKING_PASSWORD=Tr4ck1ng! MLFLOW_TRACKING_TOKEN=abc123def456',
    ].join('\r\n');
    const found = scanForSecrets(script);
    expect(found).toEqual([
      { kind: 'AWS access key id', line: 3 },
      { kind: 'AWS secret access key', line: 3 },
      { kind: 'password assignment', line: 5 },
      { kind: 'token assignment', line: 5 },
    ]);
    expect(JSON.stringify(found)).not.toMatch(/AKIA|Tr4ck|abc123/);
  });
});

describe('hasAutoStop', () => {
  it('recognises the auto-stop-idle sample', () => {
    const script = [
      'IDLE_TIME=3600',
      'wget https://raw.githubusercontent.com/aws-samples/amazon-sagemaker-notebook-instance-lifecycle-config-samples/master/scripts/auto-stop-idle/autostop.py',
      '(crontab -l 2>/dev/null; echo "*/5 * * * * /usr/bin/python3 $PWD/autostop.py --time $IDLE_TIME --ignore-connections") | crontab -',
    ].join('\n');
    expect(hasAutoStop(script)).toBe(true);
  });

  it('recognises an idle check that stops the notebook itself', () => {
    expect(hasAutoStop('if [ "$idle_minutes" -gt 60 ]; then aws sagemaker stop-notebook-instance --notebook-instance-name "$NAME"; fi')).toBe(true);
    expect(hasAutoStop('if idle > limit:\n    client.stop_notebook_instance(NotebookInstanceName=name)')).toBe(true);
  });

  it('does not count a stop without an idle check, or an idle check without a stop', () => {
    expect(hasAutoStop('aws sagemaker stop-notebook-instance --notebook-instance-name scratch')).toBe(false);
    expect(hasAutoStop('echo "kernel idle timeout" && jupyter lab --MappingKernelManager.cull_idle_timeout=3600')).toBe(false);
    expect(hasAutoStop('pip install -q pandas')).toBe(false);
  });
});
