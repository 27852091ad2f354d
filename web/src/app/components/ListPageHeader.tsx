import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useCanEdit } from '../auth/AuthContext';

/** A list page's title, its actions (e.g. export) and, for editors, the create button. */
export function ListPageHeader({ title, createTo, createLabel, children }: { title: string; createTo: string; createLabel: string; children?: ReactNode }) {
  const canEdit = useCanEdit();
  return (
    <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      <Flex gap={8}>
        {children}
        {canEdit ? (
          <Link to={createTo}>
            <Button type="primary" icon={<PlusOutlined />}>
              {createLabel}
            </Button>
          </Link>
        ) : null}
      </Flex>
    </Flex>
  );
}
